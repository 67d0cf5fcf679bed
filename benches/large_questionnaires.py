"""Benchmark inputs, not a test: writes large questionnaires and an answers file into a folder
(default /tmp/groupfit-large): q150 and q1000 (150 and 1,000 two-option questions over five
dimensions) for `groupfit audit`, and d1000 (1,000 dimensions of one question each) with
a1000.toml for `groupfit score`. docs/PERFORMANCE.md times them."""
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/groupfit-large"
os.makedirs(out, exist_ok=True)


def q(n_questions, n_dims):
    out=['format = 1','[meta]','id = "big"','title = "Big"','version = "1"','','[outcomes.support_group]','label = "Support group"','[outcomes.group_therapy]','label = "Group therapy"','']
    for d in range(n_dims):
        out += ['[[dimensions]]', f'id = "d{d}"', f'label = "D{d}"', 'weight = 1.0', '']
    out += ['[[questions]]','id = "s1"','dimension = "safety"','kind = "single"','required = true','prompt = "Safe?"','options = [{ id = "no", label = "No" }, { id = "yes", label = "Yes", flag = "red" }, { id = "no_say", label = "Prefer not to say", skip = true }]','']
    for i in range(n_questions):
        out += ['[[questions]]', f'id = "q{i}"', f'dimension = "d{i % n_dims}"', 'kind = "single"', f'prompt = "Question {i}?"', 'options = [{ id = "a", label = "A", weight = -1 }, { id = "b", label = "B", weight = 1 }]', '']
    return '\n'.join(out)
open(f'{out}/q1000.toml','w').write(q(1000,5))
open(f'{out}/q150.toml','w').write(q(150,5))
open(f'{out}/d1000.toml','w').write(q(1000,1000))
ans=['[answers]','s1 = "no"']+[f'q{i} = "{"a" if i%3 else "b"}"' for i in range(1000)]
open(f'{out}/a1000.toml','w').write('\n'.join(ans)+'\n')
