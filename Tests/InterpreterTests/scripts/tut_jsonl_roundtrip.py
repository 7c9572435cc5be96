# Tutorial: write a JSON Lines dataset into a temp directory, read it back, filter, and clean up.
import json
import os
out_dir = "_golden_tmp_tut_jsonl"
os.makedirs(out_dir, exist_ok=True)
path = os.path.join(out_dir, "train.jsonl")
records = [{"prompt": f"Q{i}: what is {i}*{i}?", "completion": f" {i * i}"} for i in range(5)]
records.append({"prompt": "unicode: café ☕", "completion": " ok"})
with open(path, "w", encoding="utf-8") as f:
    for rec in records:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
with open(path, encoding="utf-8") as f:
    lines = f.readlines()
print(len(lines), lines[0].rstrip("\n"), lines[-1].rstrip("\n"))
loaded = [json.loads(l) for l in lines]
print(loaded == records)
big = [r for r in loaded if r["completion"].strip().isdigit() and int(r["completion"]) > 3]
print([r["completion"].strip() for r in big])
print(sorted(os.listdir(out_dir)), os.path.getsize(path) > 100)
os.remove(path)
os.rmdir(out_dir)
print(os.path.exists(out_dir))
