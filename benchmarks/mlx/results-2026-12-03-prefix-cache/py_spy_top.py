import sys, collections
self_c = collections.Counter(); incl = collections.Counter(); total = 0
for line in open(sys.argv[1]):
    line = line.rstrip()
    if not line: continue
    stack, _, n = line.rpartition(" ")
    n = int(n); total += n
    frames = stack.split(";")
    # keep only the engine thread
    if sys.argv[2:] and not any(sys.argv[2] in f for f in frames): continue
    self_c[frames[-1]] += n
    for f in set(frames): incl[f] += n
print("total samples", total)
print("-- self"); [print(f"{c/total*100:5.1f}% {f[:150]}") for f, c in self_c.most_common(12)]
print("-- inclusive"); [print(f"{c/total*100:5.1f}% {f[:150]}") for f, c in incl.most_common(25)]
