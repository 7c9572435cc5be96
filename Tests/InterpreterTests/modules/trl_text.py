from datasets import Dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

texts = ["The quick brown fox jumps over the lazy dog.", "Hello world! Hello there, how are you today?",
         "Fine-tuning small language models on a laptop is fun.", "What is the capital of France? Paris.",
         "Tokenizers split text into tokens.", "Models predict the next token.",
         "Numbers like 1234 and 56.78 appear in text.", "you are a helpful assistant."]
ds = Dataset.from_dict({"text": texts, "id": list(range(8))})
tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
args = SFTConfig(output_dir="_golden_tmp_out", max_steps=6, per_device_train_batch_size=8, logging_steps=2,
                 learning_rate=5e-3, warmup_steps=2, weight_decay=0.1, max_grad_norm=0.5, max_length=24,
                 save_strategy="no", report_to="none", use_cpu=True, bf16=False)
trainer = SFTTrainer(model="tiny-lm", args=args, train_dataset=ds, processing_class=tok)
print(trainer.train_dataset)
print(trainer.train_dataset[0]["text"])
print(trainer.train_dataset[0]["input_ids"])
print(tok.pad_token, trainer.processing_class is tok)
out = trainer.train()
print(type(out).__name__, out.global_step, round(out.training_loss, 4))
for entry in trainer.state.log_history[:-1]:
    print({k: (round(v, 4) if isinstance(v, float) else v) for k, v in entry.items()})
print(sorted(out.metrics))
print(trainer.state.global_step, trainer.state.max_steps, trainer.state.epoch)
