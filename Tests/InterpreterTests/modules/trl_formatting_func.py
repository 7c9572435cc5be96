from datasets import Dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

ds = Dataset.from_dict({"question": ["What is the capital of France?", "How are you today?"],
                        "answer": ["Paris.", "Fine, thank you."]})
tok = AutoTokenizer.from_pretrained("tiny-tokenizer")

def formatting(example):
    return f"Q: {example['question']}\nA: {example['answer']}"

args = SFTConfig(output_dir="_golden_tmp_out", max_steps=3, per_device_train_batch_size=2, logging_steps=1,
                 learning_rate=1e-2, max_length=32, save_strategy="no", report_to="none", use_cpu=True, bf16=False)
trainer = SFTTrainer(model="tiny-lm", args=args, train_dataset=ds, processing_class=tok, formatting_func=formatting)
print(trainer.train_dataset)
print(repr(trainer.train_dataset[0]["text"]))
trainer.train()
print([round(e["loss"], 4) for e in trainer.state.log_history if "loss" in e])

try:
    SFTTrainer(model="tiny-lm", args=args, processing_class=tok)
except ValueError as e:
    print("ValueError:", e)
pc = Dataset.from_dict({"prompt": ["a"], "completion": ["b"]})
try:
    SFTTrainer(model="tiny-lm", args=args, train_dataset=pc, processing_class=tok, formatting_func=formatting)
except ValueError as e:
    print("ValueError:", str(e)[:60])
try:
    SFTConfig(output_dir="x", max_lenght=3)
except TypeError as e:
    print("TypeError:", e)
try:
    SFTConfig(output_dir="x", packing_strategy="zigzag", use_cpu=True, bf16=False)
except ValueError as e:
    print("ValueError:", e)
