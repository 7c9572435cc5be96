# Benchmark: dictionary word count over ~1 MB of deterministically generated text
# (a fixed word list indexed by a linear congruential generator; no random module).
WORDS = ("the of and to in a is that for it as was with be by on not he this are or his from "
         "at which but have an they you were her she there been one all we their has would "
         "model token train loss batch epoch learning rate dataset prompt answer question").split()

state = 12345
def next_index():
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 16) % len(WORDS)

lines = []
size = 0
while size < 1_000_000:
    line = " ".join(WORDS[next_index()] for _ in range(12))
    lines.append(line)
    size += len(line) + 1
text = "\n".join(lines)

counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(text), len(counts), sum(counts.values()))
for word, n in top:
    print(word, n)
