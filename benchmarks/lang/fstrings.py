# Benchmark: string building and f-string formatting of 20,000 rows with a TRL-style
# formatting_prompts_func over a dict of lists.
def formatting_prompts_func(example):
    output_texts = []
    for i in range(len(example["instruction"])):
        text = f"### Question: {example['instruction'][i]}\n ### Answer: {example['output'][i]}"
        output_texts.append(text)
    return output_texts


N = 20000
batch = {"instruction": [], "output": []}
for i in range(N):
    batch["instruction"].append(f"What is {i} times {i % 97}? Answer with {i % 5:>3} words.")
    batch["output"].append(f"{i * (i % 97):,} ({i / 7:.3f}, {i % 13:04d}, {'even' if i % 2 == 0 else 'odd'})")
texts = formatting_prompts_func(batch)
total_chars = 0
for t in texts:
    total_chars += len(t)
report = "\n".join(f"{k:>6}: {len(texts[k]):>4}" for k in range(0, N, 4000))
print(len(texts), total_chars)
print(texts[12345])
print(report)
