from datasets import Dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

rows = {"prompt": ["What is the capital of France?", "Hello there,", "The quick brown fox", "Numbers like 1234"],
        "completion": [" Paris.", " how are you today?", " jumps over the lazy dog.", " and 56.78"]}
ds = Dataset.from_dict(rows)
tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
args = SFTConfig(output_dir="_golden_tmp_out", num_train_epochs=3, per_device_train_batch_size=4, logging_steps=1,
                 learning_rate=1e-2, save_strategy="no", report_to="none", use_cpu=True, bf16=False,
                 eval_strategy="steps", eval_steps=2, per_device_eval_batch_size=4)
trainer = SFTTrainer(model="tiny-lm", args=args, train_dataset=ds, eval_dataset=ds, processing_class=tok)
print(trainer.train_dataset)
print(trainer.train_dataset[1])
first = trainer.evaluate()
print(sorted(first), round(first["eval_loss"], 4), first["epoch"])
trainer.train()
for entry in trainer.state.log_history[:-1]:
    print({k: (round(v, 4) if isinstance(v, float) else v) for k, v in entry.items() if "runtime" not in k and "per_second" not in k and "preparation" not in k})
