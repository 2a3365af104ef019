/** The one stylesheet, served from /assets/style.css (no CDN, no build step). */
export const STYLE_CSS = `
:root { --person: #ffe08a; --organisation: #bfe3ff; --place: #c8f0c0; --date: #f3c9f0; --muted: #6b7280; --line: #e5e7eb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: #111827; background: #fafafa; }
header.top { display: flex; gap: 2em; align-items: center; padding: .5em 1.5em; background: #1f2937; }
header.top a { color: #f9fafb; text-decoration: none; margin-right: 1.2em; }
header.top .brand { font-weight: 700; }
main { max-width: 1100px; margin: 0 auto; padding: 1em 1.5em 3em; }
body.wide main { max-width: none; }
a { color: #1d4ed8; }
.muted { color: var(--muted); }
table.list { border-collapse: collapse; width: 100%; background: #fff; }
table.list th, table.list td { border-bottom: 1px solid var(--line); padding: .3em .6em; text-align: left; vertical-align: top; }
table.list td.num, table.list th.num { text-align: right; }
a.warn { color: #b45309; font-weight: 600; }
.split { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5em; }
.split aside.original { position: sticky; top: .5em; align-self: start; }
.split iframe { width: 100%; height: calc(100vh - 6em); border: 1px solid var(--line); background: #fff; }
@media (max-width: 900px) { .split { grid-template-columns: 1fr; } }
article.item, article.item-card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .6em .9em; margin: .6em 0; }
article.item:target { outline: 2px solid #1d4ed8; }
.meta { font-size: 13px; color: var(--muted); }
.meta .seq { font-weight: 600; margin-right: .4em; }
p.text { white-space: pre-wrap; margin: .3em 0; }
.ent { border-radius: 3px; padding: 0 1px; text-decoration: none; color: inherit; }
.ent.person { background: var(--person); }
.ent.organisation { background: var(--organisation); }
.ent.place { background: var(--place); }
.ent.date { background: var(--date); }
p.entities .ent { margin-right: .4em; font-size: 13px; }
h2.section { margin-top: 1.4em; border-bottom: 1px solid var(--line); }
ul.messages li.warning, ul.messages li.error { color: #92400e; }
ul.messages li.error { color: #b91c1c; }
form.search { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: .5em 1em; background: #fff; padding: 1em; border: 1px solid var(--line); border-radius: 6px; }
form.search label { display: flex; flex-direction: column; font-size: 13px; color: var(--muted); }
form.search input { font: inherit; padding: .3em .4em; }
form.search button { align-self: end; padding: .4em 1em; font: inherit; }
p.error { color: #b91c1c; font-weight: 600; }
svg.timeline { background: #fff; border: 1px solid var(--line); border-radius: 6px; max-width: 100%; height: auto; font-size: 12px; }
svg.timeline .bar { fill: #2563eb; }
svg.timeline .tick { stroke: var(--line); }
svg.timeline .year { fill: var(--muted); }
body.original-doc { background: #fff; padding: 1em; }
body.original-doc figure { margin: 0 0 1em; }
body.original-doc img { max-width: 100%; border: 1px solid var(--line); }
iframe.html-original { width: 100%; height: calc(100vh - 3em); border: 0; }
pre.txt { white-space: pre-wrap; font: 14px/1.6 "Noto Sans Mono CJK SC", monospace; }
`;
