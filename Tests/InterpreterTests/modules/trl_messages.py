from datasets import Dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

chats = [
    [{"role": "user", "content": "Hello there, how are you?"}, {"role": "assistant", "content": "Fine, thank you."}],
    [{"role": "system", "content": "you are a helpful assistant."}, {"role": "user", "content": "What is the capital of France?"},
     {"role": "assistant", "content": "Paris."}],
    [{"role": "user", "content": "Say hello."}, {"role": "assistant", "content": "Hello world!"}],
]
ds = Dataset.from_dict({"messages": chats})
tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
args = SFTConfig(output_dir="_golden_tmp_out", max_steps=4, per_device_train_batch_size=3, logging_steps=1,
                 learning_rate=1e-2, max_length=32, save_strategy="no", report_to="none", use_cpu=True, bf16=False)
trainer = SFTTrainer(model="tiny-lm", args=args, train_dataset=ds, processing_class=tok)
print(trainer.train_dataset)
print(len(trainer.train_dataset[1]["input_ids"]), trainer.train_dataset[2]["input_ids"])
print(tok.decode(trainer.train_dataset[2]["input_ids"]))
trainer.train()
print([round(e["loss"], 4) for e in trainer.state.log_history if "loss" in e])
print([round(e["grad_norm"], 4) for e in trainer.state.log_history if "grad_norm" in e])
