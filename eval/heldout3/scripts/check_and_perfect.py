# 1) checks every gold string against text extracted from the delivered documents;
# 2) writes "perfect" records built from the gold into ../perfect/ (for the scorer self-check).
import json, os, re, subprocess, glob
H = '/tmp/heldout3'
import tempfile; B = tempfile.mkdtemp()
def extract(path):
    ext = path.rsplit('.', 1)[1]
    if ext == 'txt':
        raw = open(path, 'rb').read()
        try: t = raw.decode('utf-8')
        except UnicodeDecodeError: t = raw.decode('gb18030')
    elif ext == 'pdf':
        t = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, text=True).stdout
    else:
        subprocess.run(['soffice', '--headless', '--convert-to', 'txt:Text', '--outdir', B, path], capture_output=True)
        t = open(os.path.join(B, os.path.basename(path).rsplit('.', 1)[0] + '.txt'), encoding='utf-8-sig').read()
    # page furniture away (what a correct parser removes)
    lines = [l for l in t.splitlines() if not re.fullmatch(r'\s*(-\s*\d+\s*-|—\s*\d+\s*—|周口市政协工作周报)\s*', l)]
    return t, re.sub(r'[\s\u3000]+', '', '\n'.join(lines))
sq = lambda s: re.sub(r'[\s\u3000]+', '', s)
bad = 0
def err(*a):
    global bad; bad += 1; print('  !!', *a)
for gpath in sorted(glob.glob(H + '/gold/*.json')):
    g = json.load(open(gpath, encoding='utf-8'))
    doc = glob.glob(H + '/docs/' + g['doc'] + '.*')[0]
    raw, t = extract(doc)
    print(os.path.basename(doc), len(t), 'chars')
    starts = []
    for gi in g['items']:
        if t.count(gi['snippet']) != 1: err(gi['key'], 'snippet count', t.count(gi['snippet']))
        starts.append(t.find(gi['snippet']))
    if starts != sorted(starts): err('items out of order')
    end_body = t.find('报：')
    for i, gi in enumerate(g['items']):
        s = starts[i]; e = starts[i + 1] if i + 1 < len(starts) else end_body
        seg = t[max(0, s - 120):e]          # generous start (headline / date before the snippet)
        tight = t[s:e - 40] if i + 1 < len(starts) else t[s:e]
        for x in gi['mustContain']:
            if x not in seg: err(gi['key'], 'mustContain missing', x)
        for x in gi['mustNotContain']:
            if x in tight: err(gi['key'], 'mustNotContain present', x)
            if x not in raw and sq(x) not in sq(raw): print('  (note: mustNotContain not in doc at all)', gi['key'], x)
        for p in gi['people']:
            if p not in seg: err(gi['key'], 'person not in item', p)
    names = {p for gi in g['items'] for p in gi['people']}
    for n, ti in g['titles']:
        if n not in names: err('title for unknown', n)
        if ti not in t: err('title not in text', n, ti)
    for n in names:
        if n not in {x[0] for x in g['titles']}: print('  (note: no title for)', n)
    for alts in g['organisations']:
        if not any(a in t for a in alts): err('org not in text', alts)
    for x in g['notPeople']:
        if x not in t: err('notPeople not in text', x)
        if x in names: err('notPeople is a person', x)
    f = g['footer']
    for k in ['editors', 'reviewers', 'reportTo', 'copyTo', 'distributeTo']:
        for x in f.get(k) or []:
            if x not in t: err('footer', k, x)
    for k in ['phone', 'email']:
        if f.get(k) and f[k] not in t: err('footer', k)
    if g['masthead']['titleHas'] not in t: err('titleHas')
    # perfect record
    fmt = doc.rsplit('.', 1)[1]
    tit = {}
    for n, ti in g['titles']: tit.setdefault(n, []).append(ti)
    rec = {"schemaVersion": 1, "id": g['doc'],
        "source": {"path": 'docs/' + os.path.basename(doc), "format": fmt, "sha256": None, "bytes": os.path.getsize(doc), "encoding": None, "pages": None},
        "masthead": {"title": g['masthead']['titleHas'], "issue": g['masthead']['issue'], "totalIssue": g['masthead'].get('totalIssue'),
                     "year": g['masthead'].get('year', int(g['masthead']['date'][:4])), "publisher": g['masthead']['publisher'], "date": g['masthead']['date']},
        "sections": [{"title": s, "level": 1, "parent": None} for s in g['sections']],
        "items": [{"id": g['doc'] + '#' + str(i + 1), "section": gi['section'], "marker": gi['marker'], "headline": None,
                   "text": gi['snippet'] + '…' + '…'.join(gi['mustContain']),
                   "date": {"text": "", "start": gi['date'], "end": gi.get('dateEnd', gi['date']), "partOfDay": gi.get('partOfDay')},
                   "dates": [], "people": [{"name": p, "titles": tit.get(p, []), "spans": []} for p in gi['people']],
                   "organisations": [{"name": a[0], "spans": []} for a in g['organisations']] if i == 0 else [],
                   "places": [], "provenance": {"page": None, "paragraph": None}} for i, gi in enumerate(g['items'])],
        "footer": {"reportTo": f['reportTo'], "copyTo": f['copyTo'], "distributeTo": f.get('distributeTo', []), "editors": f['editors'],
                   "reviewers": f['reviewers'], "phone": f.get('phone'), "email": f.get('email')},
        "messages": []}
    json.dump(rec, open(H + '/perfect/' + g['doc'] + '.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
print('PROBLEMS:', bad)
