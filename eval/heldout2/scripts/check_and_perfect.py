# Checks gold against the spec and against text extracted from the built files, then writes perfect records.
import json, os, re, subprocess, hashlib, glob, shutil
base = '/tmp/heldout2'
sq = lambda s: re.sub(r'[\s\u3000]+', '', s or '')
os.makedirs(f'{base}/perfect', exist_ok=True); os.makedirs(f'{base}/build/txt', exist_ok=True)
problems = 0
def bad(*a):
    global problems; problems += 1; print('  !!', *a)

def extract(path, fmt):
    if fmt == 'txt':
        b = open(path, 'rb').read()
        try: return b.decode('utf-8')
        except UnicodeDecodeError: return b.decode('gb18030')
    if fmt == 'pdf':
        return subprocess.run(['pdftotext', path, '-'], capture_output=True, text=True).stdout
    subprocess.run(['soffice', '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', f'{base}/build/txt', path], capture_output=True)
    return open(f"{base}/build/txt/{os.path.basename(path).rsplit('.',1)[0]}.txt", encoding='utf-8-sig').read()

for gpath in sorted(glob.glob(f'{base}/gold/*.json')):
    g = json.load(open(gpath, encoding='utf-8'))
    spec = json.load(open(f"{base}/scripts/spec/{g['doc']}.json", encoding='utf-8'))
    fmt = spec['fmt']; path = f"{base}/docs/{g['doc']}.{fmt}"
    print(g['doc'], fmt)
    # units from spec
    units, cur, sec = [], None, None
    for el in spec['spec']:
        k = el[0]
        if k in ('h1', 'h2'):
            cur = None; sec = el[1].strip('※【】')
        elif k == 'foot': cur = None
        elif k in ('item', 'headline'):
            t = el[2] if k == 'item' else el[1]
            cur = dict(section=sec, marker=el[1] if k == 'item' else None, headline=None if k == 'item' else el[1],
                       text=re.sub(r'^[◆◇]', '', t.replace('|', '')) if k == 'item' else '', paras=[])
            units.append(cur)
        elif k == 'p' and cur is not None:
            cur['text'] = (cur['text'] + '\n' if cur['text'] else '') + el[1].replace('|', '')
    if len(units) != len(g['items']): bad('unit count', len(units), len(g['items']))
    full = sq(extract(path, fmt))
    alltext = ''.join(sq((u['headline'] or '') + u['text']) for u in units)
    for gi in g['items']:
        hits = [u for u in units if gi['snippet'] in sq((u['headline'] or '') + u['text'])]
        if len(hits) != 1: bad(gi['key'], 'snippet hits', len(hits)); continue
        u = hits[0]; body = sq((u['headline'] or '') + u['text'])
        if u['section'] != gi['section']: bad(gi['key'], 'section', u['section'])
        if u['marker'] != gi['marker']: bad(gi['key'], 'marker', u['marker'])
        for x in [gi['snippet']] + gi['mustContain']:
            if x not in body: bad(gi['key'], 'mustContain not in unit', x)
            if x not in full: bad(gi['key'], 'not in extracted text', x)
        for x in gi['mustNotContain']:
            if x in body: bad(gi['key'], 'mustNotContain in unit', x)
            if x not in full: bad(gi['key'], 'mustNotContain absent from doc (weak)', x)
        for p in gi['people']:
            if p not in body: bad(gi['key'], 'person not in unit', p)
            if p not in full: bad(gi['key'], 'person not in extracted', p)
        u['gold'] = gi
    for n, t in g['titles']:
        if not any(n in sq((u['headline'] or '') + u['text']) and t in sq((u['headline'] or '') + u['text']) for u in units): bad('title', n, t)
        if not any(n in u.get('gold', {}).get('people', []) for u in units): bad('title person not in any item', n)
    for alts in g['organisations']:
        if not any(a in full for a in alts): bad('org', alts)
    for x in g['notPeople']:
        if x not in full: bad('notPeople absent', x)
    for s in g['sections']:
        if s not in full: bad('section', s)
    for k in ('phone', 'email'):
        if g['footer'].get(k) and g['footer'][k] not in full: bad('footer', k)
    for k in ('editors', 'reviewers', 'reportTo', 'copyTo', 'distributeTo'):
        for x in g['footer'].get(k) or []:
            if sq(x) not in full.replace('张敏', '张敏'): bad('footer', k, x)
    m = g['masthead']
    if m['publisher'] not in full: bad('publisher')
    if m['titleHas'] not in full: bad('titleHas')
    # perfect record
    b = open(path, 'rb').read()
    people_titles = {}
    for n, t in g['titles']: people_titles.setdefault(n, []).append(t)
    items = []
    for i, u in enumerate(units):
        gi = u.get('gold')
        if not gi: continue
        d = {'text': '', 'start': gi['date'], 'end': gi.get('dateEnd', gi['date']), 'partOfDay': gi.get('partOfDay')} if gi['date'] else None
        items.append({'id': f"{g['doc']}#{i+1}", 'section': u['section'], 'marker': u['marker'], 'headline': u['headline'], 'text': u['text'],
                      'date': d, 'dates': [d] if d else [],
                      'people': [{'name': p, 'titles': people_titles.get(p, []), 'spans': []} for p in gi['people']],
                      'organisations': [], 'places': [], 'provenance': {'page': None, 'paragraph': None}})
    orgs = [{'name': a[0], 'spans': []} for a in g['organisations']]
    if items: items[0]['organisations'] = orgs
    sections = []
    for el in spec['spec']:
        if el[0] in ('h1', 'h2'):
            t = el[1].strip('※【】')
            sections.append({'title': t, 'level': 1 if el[0] == 'h1' else 2, 'parent': None if el[0] == 'h1' else sections[-1]['title'] if sections[-1]['level'] == 1 else sections[-1]['parent']})
    title_line = next(el[1] for el in spec['spec'] if el[0] == 'title')
    f = g['footer']
    rec = {'schemaVersion': 1, 'id': g['doc'],
           'source': {'path': f"docs/{g['doc']}.{fmt}", 'format': fmt, 'sha256': hashlib.sha256(b).hexdigest(), 'bytes': len(b),
                      'encoding': ('gb18030' if 'ningde' in g['doc'] else 'utf-8') if fmt == 'txt' else None, 'pages': None},
           'masthead': {'title': title_line, 'issue': m['issue'], 'totalIssue': m.get('totalIssue'), 'year': m.get('year', int(m['date'][:4])),
                        'publisher': m['publisher'], 'date': m['date']},
           'sections': sections, 'items': items,
           'footer': {'reportTo': f['reportTo'], 'copyTo': f['copyTo'], 'distributeTo': f.get('distributeTo') or [], 'editors': f['editors'],
                      'reviewers': f['reviewers'], 'phone': f.get('phone'), 'email': f.get('email')},
           'messages': []}
    json.dump(rec, open(f"{base}/perfect/{g['doc']}.json", 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
print('problems:', problems)
