#!/usr/bin/env python3
"""Builds held-out txt bulletins, docx specs (for build_docx.mjs), gold JSON and 'perfect' records.
Usage: python3 build.py   (then node build_docx.mjs; then convert.sh; then verify.py)"""
import json, os, re, sys
sys.path.insert(0, os.path.dirname(__file__))
from data import DOCS

ROOT = '/tmp/heldout'
sq = lambda s: re.sub(r'[\s\u3000]+', '', s)
EXT = {'txt-gb18030': 'txt', 'txt-indent': 'txt', 'txt-wrap': 'txt', 'docx-list': 'docx', 'docx-typed': 'docx',
       'doc': 'doc', 'pdf-typed': 'pdf', 'pdf-list': 'pdf'}


def items_of(d):
    sec = []
    out = []
    for b in d['body']:
        if isinstance(b, tuple):
            lvl = b[1]
            sec = sec[:lvl - 1] + [b[3]]
        else:
            out.append((sec[-1], b))
    return out


def sanity(d):
    its = items_of(d)
    for i, (s, it) in enumerate(its):
        body = sq((it.get('h') or '') + ''.join(it['p']))
        for x in [it['sn']] + it['mc']:
            assert sq(x) in body, (d['doc'], i, x)
        for j, (_, o) in enumerate(its):
            if j != i:
                assert sq(it['sn']) not in sq((o.get('h') or '') + ''.join(o['p'])), (d['doc'], 'snippet not unique', it['sn'])
        for n in it['ppl']:
            assert n in body, (d['doc'], i, n)
        for n, t in it['ti']:
            assert n in it['ppl'], (d['doc'], n)
            assert t in body, (d['doc'], i, t)
        for n in d['notPeople']:
            assert all(n not in o['ppl'] for _, o in its), (d['doc'], n)


def gold(d):
    its = items_of(d)
    gi = []
    for i, (s, it) in enumerate(its):
        nxt = its[i + 1][1]['sn'] if i + 1 < len(its) else d['gf']['phone']
        g = dict(key=chr(65 + i), section=s, marker=it['m'], snippet=sq(it['sn']), mustContain=[sq(x) for x in it['mc']],
                 mustNotContain=[sq(nxt)], date=it['d'])
        if it.get('de'): g['dateEnd'] = it['de']
        if it.get('pod'): g['partOfDay'] = it['pod']
        g['people'] = it['ppl']
        gi.append(g)
    titles = []
    for _, it in its:
        for nt in it['ti']:
            if nt not in titles: titles.append(nt)
    secs = [b[3] for b in d['body'] if isinstance(b, tuple)]
    return dict(doc=d['doc'], masthead=d['gm'], sections=secs, items=gi, titles=titles, organisations=d['orgs'],
                notPeople=d['notPeople'], footer=d['gf'])


def perfect(d, g):
    its = items_of(d)
    fmt = EXT[d['fmt']]
    items = []
    for i, ((s, it), gi) in enumerate(zip(its, g['items'])):
        text = '\n'.join(it['p'])
        def dt(x):
            return None if not x else dict(text='', start=x, end=gi.get('dateEnd', x), partOfDay=gi.get('partOfDay'))
        ppl = [dict(name=n, titles=[t for m, t in it['ti'] if m == n], spans=[]) for n in it['ppl']]
        items.append(dict(id=f"{d['doc']}#{i+1}", section=s, marker=it['m'], headline=it.get('h'), text=text,
                          date=dt(it['d']), dates=[], people=ppl, organisations=[], places=[], provenance=None))
    items[0]['organisations'] = [dict(name=a[0], spans=[]) for a in d['orgs']]
    m = dict(d['gm']); m['title'] = d['gm']['titleHas']; m['totalIssue'] = None; m['year'] = int(m['date'][:4])
    secs = []
    stack = []
    for b in d['body']:
        if isinstance(b, tuple):
            stack = stack[:b[1] - 1] + [b[3]]
            secs.append(dict(title=b[3], level=b[1], parent=stack[-2] if len(stack) > 1 else None))
    f = d['gf']
    return dict(schemaVersion=1, id=d['doc'], source=dict(path=f"{d['doc']}.{fmt}", format=fmt, sha256=None, bytes=None, encoding=None, pages=None),
                masthead=m, sections=secs, items=items,
                footer=dict(reportTo=f['reportTo'], copyTo=f['copyTo'], distributeTo=f.get('distributeTo', []), editors=f['editors'],
                            reviewers=f['reviewers'], phone=f.get('phone'), email=f.get('email')), messages=[])


def lines_plain(d, indent=''):
    """one paragraph per line."""
    L = list(d['mast']) + ['']
    for b in d['body']:
        if isinstance(b, tuple):
            L.append(b[2])
        else:
            if b['m'] is None:
                L.append(b['h'])
                L += [indent + p for p in b['p']]
            else:
                L.append(indent + b['m'] + b['p'][0])
                L += [indent + p for p in b['p'][1:]]
    return L, list(d['foot'])


def write_txt(d):
    path = f"{ROOT}/docs/{d['doc']}.txt"
    if d['fmt'] == 'txt-gb18030':
        body, foot = lines_plain(d)
        out = []
        for l in body: out += [l, '']
        out += ['━━━━━━━━━━━━━━━━━━━━━━━━━━━━'] + foot
        open(path, 'wb').write('\r\n'.join(out).encode('gb18030') + b'\r\n')
    elif d['fmt'] == 'txt-indent':
        body, foot = lines_plain(d, '\u3000\u3000')
        out = body + ['', '──────────────────────────'] + foot
        open(path, 'w', encoding='utf-8').write('\n'.join(out) + '\n')
    elif d['fmt'] == 'txt-wrap':
        W = 38
        raw = []
        for l in d['mast']: raw.append(('c', l))
        raw.append(('b', ''))
        for b in d['body']:
            if isinstance(b, tuple):
                raw.append(('c', b[2]))
            else:
                raw.append(('p', '  ' + b['m'] + b['p'][0]))
                for p in b['p'][1:]: raw.append(('p', '  ' + p))
        phys = []
        for k, t in raw:
            if k == 'p':
                while len(t) > W:
                    phys.append(t[:W]); t = t[W:]
                phys.append(t)
            elif k == 'c':
                phys.append(' ' * max(0, (W - len(t)) // 2 * 2 // 2) + t)
            else:
                phys.append('')
        phys.append('')
        phys += ['————————————————————————————————'] + d['foot']
        PAGE = 20
        out = []
        header = '虹口区人大常委会工作简报（第7期）'
        n = 0
        for i in range(0, len(phys), PAGE):
            n += 1
            if n > 1:
                out += [header, '']
            out += phys[i:i + PAGE]
            out += ['', f'                 — {n} —', '']
        open(path, 'w', encoding='utf-8').write('\n'.join(out))


def docx_spec(d):
    """Paragraph list for build_docx.mjs."""
    P = []
    mode = d['fmt']
    listmode = mode in ('docx-list', 'pdf-list')
    for i, l in enumerate(d['mast']):
        P.append(dict(k='mast', t=l, big=('简 报' in l or '动 态' in l or '工作动态' in l)))
    P.append(dict(k='rule'))
    for b in d['body']:
        if isinstance(b, tuple):
            if listmode:
                P.append(dict(k='h', lvl=b[1], t=b[2]))
            else:
                P.append(dict(k='sec', t=b[2]))
        else:
            if b['m'] is None:
                P.append(dict(k='headline', t=b['h']))
                for p in b['p']: P.append(dict(k='p', t=p))
            else:
                if listmode:
                    P.append(dict(k='li', bullet='fill' if b['m'] == '◆' else 'hollow', t=b['p'][0]))
                else:
                    P.append(dict(k='p', t=b['m'] + b['p'][0]))
                for p in b['p'][1:]: P.append(dict(k='p', t=p))
    P.append(dict(k='rule'))
    for l in d['foot']: P.append(dict(k='foot', t=l))
    return dict(doc=d['doc'], out=('docx' if mode.startswith('docx') else 'build'), header=d.get('header'), paras=P)


os.makedirs(f'{ROOT}/gold', exist_ok=True); os.makedirs(f'{ROOT}/perfect', exist_ok=True); os.makedirs(f'{ROOT}/build', exist_ok=True)
specs = []
for d in DOCS:
    sanity(d)
    g = gold(d)
    json.dump(g, open(f"{ROOT}/gold/{d['doc']}.json", 'w'), ensure_ascii=False, indent=1)
    json.dump(perfect(d, g), open(f"{ROOT}/perfect/{d['doc']}.json", 'w'), ensure_ascii=False, indent=1)
    if d['fmt'].startswith('txt'):
        write_txt(d)
    else:
        specs.append(docx_spec(d))
json.dump(specs, open(f'{ROOT}/build/specs.json', 'w'), ensure_ascii=False, indent=1)
print('ok', len(DOCS))
