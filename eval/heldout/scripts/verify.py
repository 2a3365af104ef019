#!/usr/bin/env python3
"""Checks that every gold snippet / mustContain / person name / title survives text extraction of the built docs
(txt decoded; docx/doc via LibreOffice txt export; pdf via pdftotext), and that notPeople are not gold people."""
import json, os, re, subprocess, glob, sys
ROOT = '/tmp/heldout'
sq = lambda s: re.sub(r'[\s\u3000]+', '', s)
tmp = f'{ROOT}/build/txt'; os.makedirs(tmp, exist_ok=True)
bad = 0
for g in sorted(glob.glob(f'{ROOT}/gold/*.json')):
    G = json.load(open(g)); doc = G['doc']
    src = [p for p in glob.glob(f'{ROOT}/docs/{doc}.*')][0]
    ext = src.rsplit('.', 1)[1]
    if ext == 'txt':
        b = open(src, 'rb').read()
        try: t = b.decode('utf-8')
        except UnicodeDecodeError: t = b.decode('gb18030')
    elif ext == 'pdf':
        t = subprocess.run(['pdftotext', src, '-'], capture_output=True, text=True).stdout
    else:
        subprocess.run(['soffice', '-env:UserInstallation=file:///tmp/heldout/build/lo-profile', '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', tmp, src], capture_output=True)
        t = open(f'{tmp}/{doc}.txt', encoding='utf-8-sig').read()
    s = sq(t)
    # pdf page furniture breaks spans: remove it for the survival check of snippet text only where the gold expects joining
    s_clean = re.sub(r'—\d+—', '', s)
    for hdr in ['长寿区政协工作动态2024年第15期', '九三学社西安市委社务简报', '虹口区人大常委会工作简报（第7期）']:
        s_clean = s_clean.replace(hdr, '')
    s_clean = s_clean.replace('—1—', '')
    probs = []
    for it in G['items']:
        for x in [it['snippet']] + it['mustContain'] + it['people']:
            if x not in s_clean: probs.append((it['key'], x))
    for n, t_ in G['titles']:
        if t_ not in s_clean: probs.append(('title', t_))
    gp = {p for it in G['items'] for p in it['people']}
    for n in G['notPeople']:
        if n in gp: probs.append(('notPeople-is-person', n))
    for x in G['footer']['editors'] + G['footer']['reviewers'] + [G['footer'].get('phone') or '', G['footer'].get('email') or '']:
        if x and x not in s: probs.append(('footer', x))
    print(f"{doc}.{ext}: {len(G['items'])} items, {len(gp)} people, {'OK' if not probs else probs}")
    bad += len(probs)
sys.exit(1 if bad else 0)
