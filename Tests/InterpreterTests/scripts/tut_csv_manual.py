# Tutorial: write a CSV by hand, read it back, parse numeric columns, compute per-column stats.
import os
path = "_golden_tmp_tut_csv_manual.csv"
rows = [("id", "text", "score"), (1, "good movie", 4.5), (2, "bad plot", 1.0), (3, "ok, fine", 3.25)]
def quote(v):
    s = str(v)
    return f'"{s}"' if "," in s else s
with open(path, "w") as f:
    for row in rows:
        f.write(",".join(quote(v) for v in row) + "\n")
with open(path) as f:
    content = f.read()
print(content, end="")
def parse_line(line):
    out, cur, inside = [], "", False
    for ch in line:
        if ch == '"':
            inside = not inside
        elif ch == "," and not inside:
            out.append(cur); cur = ""
        else:
            cur += ch
    out.append(cur)
    return out
lines = content.splitlines()
header = parse_line(lines[0])
records = [dict(zip(header, parse_line(l))) for l in lines[1:]]
print(records)
scores = [float(r["score"]) for r in records]
print(f"mean={sum(scores) / len(scores):.3f} max={max(scores)} n={len(scores)}")
os.remove(path)
