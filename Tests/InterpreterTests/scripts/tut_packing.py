# Tutorial: packing tokenized examples into fixed-length blocks ("wrapped" packing) and counting dropped tokens.
examples = [[5, 6, 7], [8, 9], [10, 11, 12, 13, 14], [15], [16, 17, 18, 19]]
eos = 2
block = 4
stream = []
for ids in examples:
    stream.extend(ids + [eos])
print(len(stream), stream)
n_blocks = len(stream) // block
blocks = [stream[i * block:(i + 1) * block] for i in range(n_blocks)]
dropped = len(stream) - n_blocks * block
for b in blocks:
    print(b)
print("blocks:", n_blocks, "dropped tokens:", dropped)
print([b.count(eos) for b in blocks], sum(b.count(eos) for b in blocks) == len(examples))
def bfd(seqs, capacity):
    bins = []
    for s in sorted(seqs, key=len, reverse=True):
        s = s[:capacity]
        best = None
        for b in bins:
            room = capacity - sum(len(x) for x in b)
            if len(s) <= room and (best is None or room < capacity - sum(len(x) for x in best)):
                best = b
        if best is None:
            bins.append([s])
        else:
            best.append(s)
    return bins
for b in bfd(examples, 6):
    print([len(x) for x in b], sum(len(x) for x in b))
