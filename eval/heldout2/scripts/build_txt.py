# Writes the two .txt bulletins from scripts/spec/*.json
import json
base = '/tmp/heldout2'
def item_text(g, t):
    return t if t.startswith(g) else g + t

# 1. Ningde: GB18030, CRLF, blank line between paragraphs, one mid-sentence break
s = json.load(open(f'{base}/scripts/spec/ningde-zx-2021-01.json', encoding='utf-8'))
out = []
seen_foot = False
for el in s['spec']:
    k = el[0]
    if k == 'foot' and not seen_foot:
        out.append('─' * 24); seen_foot = True
    if k == 'item': txt = item_text(el[1], el[2])
    else: txt = el[1]
    if k == 'title': txt = '\u3000\u3000\u3000' + txt
    if k in ('p',): txt = '\u3000\u3000' + txt
    txt = txt.replace('|', '\n\n')
    out.append(txt)
    if k not in ('foot', 'title', 'mast'): out.append('')
    if k == 'mast' and '日' in txt: out += ['═' * 24, '']
data = '\n'.join(out) + '\n'
open(f'{base}/docs/ningde-zx-2021-01.txt', 'wb').write(data.replace('\n', '\r\n').encode('gb18030'))

# 2. Mianyang: UTF-8, LF, one paragraph per line, U+3000 indents, no blank lines
s = json.load(open(f'{base}/scripts/spec/mianyang-tzb-2019-07.json', encoding='utf-8'))
out = []
for el in s['spec']:
    k = el[0]
    if k == 'item': out.append('\u3000\u3000' + item_text(el[1], el[2]).replace('|', ''))
    elif k == 'title': out.append('\u3000\u3000\u3000\u3000\u3000\u3000' + el[1])
    elif k == 'mast': out.append('\u3000\u3000\u3000\u3000' + el[1] if '期' in el[1] else el[1])
    elif k == 'h1': out.append('\u3000\u3000\u3000\u3000' + el[1])
    elif k == 'headline': out.append('\u3000\u3000\u3000' + el[1])
    elif k == 'p': out.append('\u3000\u3000' + el[1].replace('|', ''))
    elif k == 'foot': out.append(el[1])
open(f'{base}/docs/mianyang-tzb-2019-07.txt', 'w', encoding='utf-8', newline='\n').write('\n'.join(out) + '\n')
print('txt ok')
