# disable_tqdm=True: HF's PrinterCallback prints every log (floats as '{:.4g}' strings, no
# total_flos), during training and for evaluate() outside it.
from datasets import Dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

texts = ["The quick brown fox jumps over the lazy dog.", "Hello world! Hello there, how are you today?",
         "Fine-tuning small language models on a laptop is fun.", "What is the capital of France? Paris.",
         "Tokenizers split text into tokens.", "Models predict the next token."]
ds = Dataset.from_dict({"text": texts})
tok = AutoTokenizer.from_pretrained("tiny-tokenizer")
args = SFTConfig(output_dir="_golden_tmp_out", max_steps=4, per_device_train_batch_size=3, logging_steps=2,
                 learning_rate=5e-3, max_length=24, eval_strategy="steps", eval_steps=2, per_device_eval_batch_size=3,
                 save_strategy="no", report_to="none", use_cpu=True, bf16=False, disable_tqdm=True)
trainer = SFTTrainer(model="tiny-lm", args=args, train_dataset=ds, eval_dataset=ds, processing_class=tok)
before = trainer.evaluate()
out = trainer.train()
after = trainer.evaluate()
print(round(before["eval_loss"], 4), round(after["eval_loss"], 4), out.global_step)
