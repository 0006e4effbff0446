// Re-lays out the diagram interchange (bpmndi) of BPMN models in processes/ (issue 16 §22): shapes,
// edge waypoints and label bounds only — the process part of the file and every id stay as they are.
// Layered layout by ELK (wrapped into rows when a model is long), then every outside label (events,
// gateways, flows) is placed where it touches no shape, edge or other label.
//   cd tools/diagram-layout && npm ci && node layout.mjs ../../processes/enforcement-case.bpmn [...]
// The label metrics match cn.zhifa.portal.BpmnSvg (12 px font: CJK 12 units a character, others 7).
import fs from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';

const CJK = 12, OTHER = 7, LINE = 15;
const TASKS = new Set(['task', 'userTask', 'serviceTask', 'businessRuleTask', 'scriptTask', 'sendTask', 'receiveTask',
	'manualTask', 'callActivity']);
const EVENTS = new Set(['startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent']);
const GATEWAYS = new Set(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'complexGateway']);

const OPENING = '（(「『《【“';
const CLOSING = '）)，,。、：；？?！!」』》】';
export const charWidth = (c) => (c.charCodeAt(0) > 0x2e7f ? CJK : OTHER);
export const textWidth = (s) => [...s].reduce((w, c) => w + charWidth(c), 0);
/** Greedy wrap into lines no wider than max (same rule as BpmnSvg.lines). */
export function wrap(text, max) {
	const lines = [];
	let line = '', w = 0;
	for (const c of text) {
		const cw = charWidth(c);
		if (line && w + cw > max) {
			// a closing mark never starts a line, an opening one never ends it: the character before it moves down with it
			const carry = (CLOSING.includes(c) || OPENING.includes([...line].pop())) && [...line].length > 1 ? [...line].pop() : '';
			lines.push(carry ? [...line].slice(0, -1).join('') : line);
			line = carry;
			w = carry ? charWidth(carry) : 0;
		}
		line += c;
		w += cw;
	}
	if (line) lines.push(line);
	return lines;
}
const labelSize = (text, max) => {
	const lines = wrap(text, max);
	return { width: Math.max(...lines.map(textWidth)), height: lines.length * LINE };
};

const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
	.replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(+d)).replace(/&amp;/g, '&');

function parse(text) {
	const proc = text.slice(0, text.indexOf('<bpmndi:BPMNDiagram')).replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '');
	const tagRe = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
	const stack = [];
	const nodes = new Map();
	const flows = [];
	let processId = null;
	for (let m; (m = tagRe.exec(proc));) {
		const [, close, tag, attrText, self] = m;
		if (close) {
			stack.pop();
			continue;
		}
		const attrs = {};
		for (const a of attrText.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
		const container = [...stack].reverse().find((s) => s.tag === 'process' || s.tag === 'subProcess');
		if (tag === 'process') processId = attrs.id;
		if (TASKS.has(tag) || EVENTS.has(tag) || GATEWAYS.has(tag) || tag === 'subProcess') {
			nodes.set(attrs.id, { id: attrs.id, tag, name: attrs.name || '', parent: container?.id, attachedTo: attrs.attachedToRef });
		}
		else if (tag === 'sequenceFlow') {
			flows.push({ id: attrs.id, source: attrs.sourceRef, target: attrs.targetRef, name: attrs.name || '', parent: container?.id });
		}
		if (!self) stack.push({ tag, id: attrs.id });
	}
	return { processId, nodes, flows };
}

const EXTERNAL_LABEL_WIDTH = 86; // 7 CJK characters

function elkGraph({ processId, nodes, flows }, options) {
	const elkNodes = new Map();
	const root = { id: processId, layoutOptions: options.root, children: [], edges: [] };
	elkNodes.set(processId, root);
	const boundaries = [...nodes.values()].filter((n) => n.tag === 'boundaryEvent');
	for (const n of nodes.values()) {
		if (n.tag === 'boundaryEvent') continue;
		const e = { id: n.id, children: [], edges: [], ports: [], labels: [], layoutOptions: {} };
		if (n.tag === 'subProcess') {
			Object.assign(e.layoutOptions, options.sub);
		}
		else if (TASKS.has(n.tag)) {
			const ports = boundaries.filter((b) => b.attachedTo === n.id).length;
			e.width = Math.max(100, ports * 80);
			e.height = 80;
		}
		else if (GATEWAYS.has(n.tag)) {
			e.width = 50;
			e.height = 50;
		}
		else {
			e.width = 36;
			e.height = 36;
		}
		if (n.name && !TASKS.has(n.tag) && n.tag !== 'subProcess') {
			e.labels.push({ id: n.id + '#label', text: n.name, ...labelSize(n.name, EXTERNAL_LABEL_WIDTH),
				layoutOptions: { 'elk.nodeLabels.placement': 'OUTSIDE V_BOTTOM H_CENTER' } });
			e.layoutOptions['elk.nodeSize.constraints'] = '';
		}
		elkNodes.set(n.id, e);
	}
	for (const n of nodes.values()) {
		if (n.tag === 'boundaryEvent') continue;
		elkNodes.get(n.parent).children.push(elkNodes.get(n.id));
	}
	for (const b of boundaries) {
		const host = elkNodes.get(b.attachedTo);
		host.layoutOptions['elk.portConstraints'] = 'FIXED_ORDER';
		const hostNode = nodes.get(b.attachedTo);
		const flowDirection = (hostNode.parent === processId ? options.root : options.sub)['elk.direction'];
		const side = hostNode.tag === 'subProcess' || flowDirection === 'RIGHT' ? 'SOUTH' : 'EAST';
		host.ports.push({ id: b.id, width: 36, height: 36,
			layoutOptions: { 'elk.port.side': side, 'elk.port.borderOffset': '-18', 'elk.port.index': String(100 - host.ports.length) } });
	}
	for (const f of flows) {
		const e = { id: f.id, sources: [f.source], targets: [f.target], labels: [] };
		if (f.name) e.labels.push({ id: f.id + '#label', text: f.name, ...labelSize(f.name, EXTERNAL_LABEL_WIDTH) });
		elkNodes.get(f.parent).edges.push(e);
	}
	return root;
}

// ---------- geometry after layout ----------
const overlaps = (a, b, pad = 0) => a.x < b.x + b.width + pad && b.x < a.x + a.width + pad && a.y < b.y + b.height + pad
	&& b.y < a.y + a.height + pad;
function segmentHitsBox(p, q, b, pad = 2) {
	const x1 = Math.min(p.x, q.x), x2 = Math.max(p.x, q.x), y1 = Math.min(p.y, q.y), y2 = Math.max(p.y, q.y);
	return x1 < b.x + b.width + pad && b.x - pad < x2 && y1 < b.y + b.height + pad && b.y - pad < y2;
}

function collect(graph) {
	const shapes = new Map(); // bpmn id -> {x,y,width,height}
	const edges = new Map(); // flow id -> [points]
	const labels = new Map(); // elk label id -> {x,y,width,height,text}
	const visit = (n) => {
		if (n.x !== undefined && n.width !== undefined) shapes.set(n.id, { x: n.x, y: n.y, width: n.width, height: n.height });
		for (const p of n.ports || []) shapes.set(p.id, { x: p.x, y: p.y, width: p.width, height: p.height });
		for (const l of n.labels || []) labels.set(l.id, { x: l.x, y: l.y, width: l.width, height: l.height, text: l.text });
		for (const e of n.edges || []) {
			const pts = [];
			for (const s of e.sections || []) {
				pts.push(s.startPoint, ...(s.bendPoints || []), s.endPoint);
			}
			edges.set(e.id, pts);
			for (const l of e.labels || []) labels.set(l.id, { x: l.x, y: l.y, width: l.width, height: l.height, text: l.text });
		}
		(n.children || []).forEach(visit);
	};
	visit(graph);
	return { shapes, edges, labels };
}

/**
 * An orthogonal path from one shape to another around every other shape: a search over the grid of
 * lines 15 units off the shapes' sides, each bend costing as much as 200 units of length.
 */
function route(model, geo, sourceId, targetId) {
	const S = geo.shapes.get(sourceId), T = geo.shapes.get(targetId);
	const host = model.nodes.get(sourceId)?.attachedTo;
	const blocks = [...geo.shapes].filter(([id]) => model.nodes.has(id) && model.nodes.get(id).tag !== 'subProcess'
		&& id !== sourceId && id !== targetId && id !== host).map(([, b]) => b);
	const inside = (x, y) => blocks.some((b) => x > b.x - 6 && x < b.x + b.width + 6 && y > b.y - 6 && y < b.y + b.height + 6);
	const others = [];
	for (const pts of geo.edges.values()) for (let i = 1; i < pts.length; i++) others.push([pts[i - 1], pts[i]]);
	// a step that runs along another edge (on the same line, overlapping) costs extra: the arrows stay apart
	const along = (a, b) => others.some(([p, q]) => (a.x === b.x && Math.abs(p.x - a.x) < 4 && Math.abs(q.x - a.x) < 4
		&& Math.min(p.y, q.y) < Math.max(a.y, b.y) && Math.min(a.y, b.y) < Math.max(p.y, q.y))
		|| (a.y === b.y && Math.abs(p.y - a.y) < 4 && Math.abs(q.y - a.y) < 4
		&& Math.min(p.x, q.x) < Math.max(a.x, b.x) && Math.min(a.x, b.x) < Math.max(p.x, q.x)));
	const hits = (p, q) => blocks.some((b) => segmentHitsBox(p, q, b, 6));
	const xs = new Set(), ys = new Set();
	for (const b of [...blocks, S, T]) {
		xs.add(b.x - 15); xs.add(b.x + b.width + 15); xs.add(b.x + b.width / 2);
		ys.add(b.y - 15); ys.add(b.y + b.height + 15); ys.add(b.y + b.height / 2);
	}
	const X = [...xs].sort((a, b) => a - b), Y = [...ys].sort((a, b) => a - b);
	const exits = [{ x: S.x + S.width / 2, y: S.y + S.height }, { x: S.x + S.width, y: S.y + S.height / 2 },
		{ x: S.x + S.width / 2, y: S.y }, { x: S.x, y: S.y + S.height / 2 }];
	const entries = [{ x: T.x + T.width / 2, y: T.y }, { x: T.x, y: T.y + T.height / 2 }, { x: T.x + T.width / 2, y: T.y + T.height },
		{ x: T.x + T.width, y: T.y + T.height / 2 }];
	const xi = new Map(X.map((x, i) => [x, i])), yi = new Map(Y.map((y, i) => [y, i]));
	// Dijkstra over (grid point, direction); start from the point just outside each exit
	const key = (i, j, d) => (i * Y.length + j) * 4 + d;
	const dist = new Map(), prev = new Map();
	const queue = []; // binary heap of [cost, key]
	const heapPush = (item) => {
		queue.push(item);
		for (let n = queue.length - 1; n > 0;) {
			const up = (n - 1) >> 1;
			if (queue[up][0] <= queue[n][0]) break;
			[queue[up], queue[n]] = [queue[n], queue[up]];
			n = up;
		}
	};
	const heapPop = () => {
		const top = queue[0], last = queue.pop();
		if (queue.length) {
			queue[0] = last;
			for (let n = 0; ;) {
				const l = 2 * n + 1, r = l + 1;
				let m = n;
				if (l < queue.length && queue[l][0] < queue[m][0]) m = l;
				if (r < queue.length && queue[r][0] < queue[m][0]) m = r;
				if (m === n) break;
				[queue[m], queue[n]] = [queue[n], queue[m]];
				n = m;
			}
		}
		return top;
	};
	const push = (k, c, from) => {
		if (dist.has(k) && dist.get(k) <= c) return;
		dist.set(k, c); prev.set(k, from); heapPush([c, k]);
	};
	const dirs = [[1, 0], [0, 1], [-1, 0], [0, -1]];
	for (const e of exits) {
		// the grid line through the exit, leaving the shape straight
		const horizontal = e.y === S.y + S.height / 2;
		const i = xi.get(horizontal ? (e.x > S.x ? S.x + S.width + 15 : S.x - 15) : e.x);
		const j = yi.get(horizontal ? e.y : (e.y > S.y ? S.y + S.height + 15 : S.y - 15));
		if (i === undefined || j === undefined) continue;
		const p = { x: X[i], y: Y[j] };
		if (inside(p.x, p.y) || hits(e, p)) continue;
		const d = horizontal ? (e.x > S.x ? 0 : 2) : (e.y > S.y ? 1 : 3);
		push(key(i, j, d), 15, { start: e });
	}
	const goal = new Map();
	for (const e of entries) {
		const horizontal = e.y === T.y + T.height / 2;
		const i = xi.get(horizontal ? (e.x > T.x ? T.x + T.width + 15 : T.x - 15) : e.x);
		const j = yi.get(horizontal ? e.y : (e.y > T.y ? T.y + T.height + 15 : T.y - 15));
		if (i !== undefined && j !== undefined) goal.set(i * Y.length + j, e);
	}
	while (queue.length) {
		const [c, k] = heapPop();
		if (dist.get(k) < c) continue;
		const d = k % 4, cell = (k - d) / 4, i = Math.floor(cell / Y.length), j = cell % Y.length;
		if (goal.has(cell)) {
			const end = goal.get(cell);
			const pts = [end];
			let cur = k;
			for (;;) {
				const dd = cur % 4, cc = (cur - dd) / 4;
				pts.push({ x: X[Math.floor(cc / Y.length)], y: Y[cc % Y.length] });
				const from = prev.get(cur);
				if (from.start) { pts.push(from.start); break; }
				cur = from.k;
			}
			pts.reverse();
			// keep only the bends
			return pts.filter((p, n) => n === 0 || n === pts.length - 1
				|| !((pts[n - 1].x === p.x && p.x === pts[n + 1].x) || (pts[n - 1].y === p.y && p.y === pts[n + 1].y)));
		}
		for (let nd = 0; nd < 4; nd++) {
			if (nd === (d + 2) % 4) continue;
			const ni = i + dirs[nd][0], nj = j + dirs[nd][1];
			if (ni < 0 || nj < 0 || ni >= X.length || nj >= Y.length) continue;
			const a = { x: X[i], y: Y[j] }, b = { x: X[ni], y: Y[nj] };
			if (inside(b.x, b.y) || hits(a, b)) continue;
			const length = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
			push(key(ni, nj, nd), c + length * (along(a, b) ? 4 : 1) + (nd === d ? 0 : 200), { k });
		}
	}
	return null;
}

/** Places each outside label at the first candidate position free of shapes, edges and placed labels. */
function placeLabels(model, geo) {
	const placed = new Map();
	const obstacles = [];
	for (const [id, s] of geo.shapes) {
		if (model.nodes.has(id) && model.nodes.get(id).tag !== 'subProcess') obstacles.push({ id, box: s });
	}
	const subTitles = [];
	for (const [id, s] of geo.shapes) {
		const n = model.nodes.get(id);
		if (n?.tag === 'subProcess' && n.name) {
			const size = labelSize(n.name, s.width - 20);
			subTitles.push({ id, box: { x: s.x + (s.width - size.width) / 2, y: s.y + 8, ...size } });
		}
	}
	const free = (box, ownerShape, ownEdge) => {
		for (const o of obstacles) if (o.id !== ownerShape && overlaps(box, o.box, 3)) return false;
		for (const t of subTitles) if (overlaps(box, t.box, 3)) return false;
		for (const [id, s] of geo.shapes) {
			// a label lies wholly inside a sub-process or wholly outside it, never on its border
			if (model.nodes.get(id)?.tag === 'subProcess' && overlaps(box, s, 3)
				&& !(box.x > s.x + 3 && box.y > s.y + 3 && box.x + box.width < s.x + s.width - 3 && box.y + box.height < s.y + s.height - 3)) return false;
		}
		for (const l of placed.values()) if (overlaps(box, l, 4)) return false;
		for (const [fid, pts] of geo.edges) {
			for (let i = 0; i + 1 < pts.length; i++) {
				if (segmentHitsBox(pts[i], pts[i + 1], box, 2)) return false;
			}
		}
		// stays inside the container it belongs to
		return true;
	};
	const round = (b) => ({ ...b, x: Math.round(b.x), y: Math.round(b.y) });
	const jobs = [];
	for (const n of model.nodes.values()) {
		if (!n.name || TASKS.has(n.tag) || n.tag === 'subProcess') continue;
		const s = geo.shapes.get(n.id);
		const size = labelSize(n.name, EXTERNAL_LABEL_WIDTH);
		const cx = s.x + s.width / 2, cy = s.y + s.height / 2;
		const c = [];
		const below = { x: cx - size.width / 2, y: s.y + s.height + 4 };
		const above = { x: cx - size.width / 2, y: s.y - 4 - size.height };
		const right = { x: s.x + s.width + 4, y: cy - size.height / 2 };
		const left = { x: s.x - 4 - size.width, y: cy - size.height / 2 };
		if (n.tag === 'boundaryEvent') {
			c.push({ x: s.x + s.width + 2, y: s.y + s.height - 4 }, { x: s.x - 2 - size.width, y: s.y + s.height - 4 }, below,
				{ x: s.x + s.width + 2, y: s.y + s.height + 10 }, { x: s.x - 2 - size.width, y: s.y + s.height + 10 });
		}
		else {
			c.push(below, above, { x: s.x + s.width + 2, y: s.y + s.height }, { x: s.x - size.width - 2, y: s.y + s.height },
				{ x: s.x + s.width + 2, y: s.y - size.height }, { x: s.x - size.width - 2, y: s.y - size.height }, right, left);
		}
		jobs.push({ id: n.id, owner: n.id, edge: null, size, candidates: c });
	}
	for (const f of model.flows) {
		if (!f.name) continue;
		const pts = geo.edges.get(f.id);
		const size = labelSize(f.name, EXTERNAL_LABEL_WIDTH);
		const elk = geo.labels.get(f.id + '#label');
		const c = [];
		// ELK's place for the name, if it is next to the path (not when the path was routed here)
		const nextTo = (b) => pts.some((p, i) => i > 0 && segmentHitsBox(pts[i - 1], p, b, 12));
		if (elk && nextTo(elk)) c.push({ x: elk.x, y: elk.y });
		// along each segment, either side
		for (let i = 0; i + 1 < pts.length; i++) {
			const p = pts[i], q = pts[i + 1];
			const steps = 6;
			for (let k = 0; k <= steps; k++) {
				const x = p.x + (q.x - p.x) * k / steps, y = p.y + (q.y - p.y) * k / steps;
				if (p.y === q.y) {
					c.push({ x: x - size.width / 2, y: y - size.height - 3 }, { x: x - size.width / 2, y: y + 3 });
				}
				else {
					c.push({ x: x + 4, y: y - size.height / 2 }, { x: x - size.width - 4, y: y - size.height / 2 });
				}
			}
		}
		jobs.push({ id: f.id, owner: null, edge: f.id, size, candidates: c });
	}
	const problems = [];
	for (const j of jobs) {
		let chosen = null;
		for (const p of j.candidates) {
			const box = round({ ...p, ...j.size });
			if (free(box, j.owner, j.edge)) {
				chosen = box;
				break;
			}
		}
		if (!chosen) {
			// widen the search: a ring of positions around the first candidate
			const base = j.candidates[0];
			outer: for (let r = 8; r <= 120; r += 8) {
				for (let a = 0; a < 16; a++) {
					const box = round({ x: base.x + r * Math.cos(a * Math.PI / 8), y: base.y + r * Math.sin(a * Math.PI / 8), ...j.size });
					if (free(box, j.owner, j.edge)) {
						chosen = box;
						break outer;
					}
				}
			}
		}
		if (!chosen) {
			problems.push(j.id);
			chosen = round({ ...j.candidates[0], ...j.size });
		}
		placed.set(j.id, chosen);
	}
	return { placed, problems };
}

function writeDi(text, model, geo, labels, origin) {
	const f = (v) => (Math.round(v * 10) / 10).toFixed(1);
	const sx = (v) => v - origin.x, sy = (v) => v - origin.y;
	const labelXml = (indent, b) => b ? `${indent}<bpmndi:BPMNLabel>\n${indent}  <dc:Bounds height="${f(b.height)}" width="${f(b.width)}" x="${f(sx(b.x))}" y="${f(sy(b.y))}"/>\n${indent}</bpmndi:BPMNLabel>\n` : '';
	let out = text.replace(/(<bpmndi:BPMNShape\b[^>]*\bbpmnElement="([^"]+)"[^>]*>)([\s\S]*?)(\n?\s*<\/bpmndi:BPMNShape>)/g,
		(all, open, id, inner, close) => {
			const s = geo.shapes.get(id);
			if (!s) throw new Error('no layout for shape ' + id);
			const indent = (inner.match(/\n(\s*)</) || [, '        '])[1];
			return `${open}\n${indent}<dc:Bounds height="${f(s.height)}" width="${f(s.width)}" x="${f(sx(s.x))}" y="${f(sy(s.y))}"/>\n`
				+ labelXml(indent, labels.get(id)) + close.replace(/^\n?/, '').replace(/^\s*/, indent.slice(2));
		});
	out = out.replace(/(<bpmndi:BPMNEdge\b[^>]*\bbpmnElement="([^"]+)"[^>]*>)([\s\S]*?)(<\/bpmndi:BPMNEdge>)/g,
		(all, open, id, inner, close) => {
			const pts = geo.edges.get(id);
			if (!pts) throw new Error('no layout for edge ' + id);
			const indent = (inner.match(/\n(\s*)</) || [, '        '])[1];
			const clean = pts.filter((p, i) => i === 0 || p.x !== pts[i - 1].x || p.y !== pts[i - 1].y);
			return `${open}\n` + clean.map((p) => `${indent}<di:waypoint x="${f(sx(p.x))}" y="${f(sy(p.y))}"/>\n`).join('')
				+ labelXml(indent, labels.get(id)) + indent.slice(2) + close;
		});
	return out;
}

const options = {
	root: {
		'elk.algorithm': 'layered',
				'elk.edgeRouting': 'ORTHOGONAL',
		'elk.padding': '[top=20,left=20,bottom=20,right=20]',
		'elk.spacing.nodeNode': '45',
		'elk.layered.spacing.nodeNodeBetweenLayers': '45',
		'elk.spacing.edgeNode': '25',
		'elk.layered.spacing.edgeNodeBetweenLayers': '25',
		'elk.spacing.edgeEdge': '14',
		'elk.layered.spacing.edgeEdgeBetweenLayers': '14',
		'elk.spacing.edgeLabel': '4',
		'elk.spacing.labelNode': '6',
		'elk.spacing.portPort': '30',
		'elk.edgeLabels.placement': 'CENTER',
		'elk.layered.considerModelOrder.strategy': process.env.CMO || 'NONE',
		'elk.layered.cycleBreaking.strategy': process.env.CB || 'DEPTH_FIRST',
						'elk.layered.wrapping.multiEdge.improveWrappedEdges': process.env.IWE || 'true',
		'elk.layered.wrapping.multiEdge.improveCuts': process.env.IC || 'true',
		'elk.layered.nodePlacement.strategy': process.env.NP || 'NETWORK_SIMPLEX',
		'elk.json.shapeCoords': 'ROOT',
		'elk.json.edgeCoords': 'ROOT',
	},
};
options.sub = { ...options.root, 'elk.padding': '[top=45,left=25,bottom=35,right=25]' };
delete options.sub['elk.json.shapeCoords'];
delete options.sub['elk.json.edgeCoords'];

/**
 * How each model is laid out: the case is a column of stages (top level downwards) with the investigation
 * sub-process in rows (rightwards, wrapped); the others rightwards, wrapped into rows when long.
 */
const SETTINGS = {
	'enforcement-case': { root: { direction: 'DOWN', wrap: 'OFF' }, sub: { direction: 'RIGHT', wrap: 'MULTI_EDGE', aspect: process.env.SUBASPECT || '0.1' } },
	'case-transfer': { root: { wrap: 'MULTI_EDGE', aspect: '1.5' } },
	'complaint-handling': { root: { wrap: 'MULTI_EDGE', aspect: '2.2' } },
	'legal-review': { root: { wrap: 'MULTI_EDGE', aspect: '1.0' } },
	'disclosure-publication': { root: { wrap: 'MULTI_EDGE', aspect: '1.5' } },
	'criminal-transfer': { root: { wrap: 'MULTI_EDGE', aspect: '0.9' } },
	'agency-dispute': { root: { wrap: 'MULTI_EDGE', aspect: '1.2' } },
	'case-file-review': { root: { wrap: 'MULTI_EDGE', aspect: '2.5' } },
	'annual-statistics': { root: { wrap: 'MULTI_EDGE', aspect: '1.5' } },
	'random-inspection': { root: { wrap: 'MULTI_EDGE', aspect: '1.5' } },
};
function optionsFor(file) {
	const key = file.replace(/^.*\//, '').replace(/\.bpmn$/, '');
	const set = SETTINGS[key] || {};
	const apply = (base, s = {}) => ({ ...base, 'elk.direction': process.env.DIR || s.direction || 'RIGHT',
		'elk.layered.wrapping.strategy': process.env.WRAP || s.wrap || 'OFF', 'elk.aspectRatio': process.env.ASPECT || s.aspect || '1.6' });
	const root = apply(options.root, set.root);
	const sub = apply(options.sub, set.sub || set.root);
	return { root, sub };
}

const elk = new ELK();
for (const file of process.argv.slice(2)) {
	const text = fs.readFileSync(file, 'utf8');
	const model = parse(text);
	const graph = elkGraph(model, optionsFor(file));
	const laid = await elk.layout(graph);
	const geo = collect(laid);
	// ELK's wrapping now and then leaves an edge without a path, or with one that ends short of its target or
	// runs slanted: route those here
	const near = (p, b) => p.x >= b.x - 1.5 && p.x <= b.x + b.width + 1.5 && p.y >= b.y - 1.5 && p.y <= b.y + b.height + 1.5;
	for (const [id, pts] of geo.edges) {
		const f = model.flows.find((x) => x.id === id);
		const orthogonal = pts.every((p, i) => i === 0 || Math.abs(p.x - pts[i - 1].x) < 0.5 || Math.abs(p.y - pts[i - 1].y) < 0.5);
		if (pts.length >= 2 && orthogonal && near(pts[0], geo.shapes.get(f.source)) && near(pts.at(-1), geo.shapes.get(f.target))) continue;
		const path = route(model, geo, f.source, f.target);
		if (!path) throw new Error(`${file}: no path for ${id}`);
		console.log(`${file}: routed ${id} around the shapes`);
		geo.edges.set(id, path);
	}
	const { placed, problems } = placeLabels(model, geo);
	// move everything so the picture starts near (20, 20) whatever the labels do
	let minX = Infinity, minY = Infinity, maxX = 0, maxY = 0;
	for (const b of [...geo.shapes.values(), ...placed.values()]) {
		minX = Math.min(minX, b.x); minY = Math.min(minY, b.y);
		maxX = Math.max(maxX, b.x + b.width); maxY = Math.max(maxY, b.y + b.height);
	}
	const origin = { x: minX - 20, y: minY - 20 };
	fs.writeFileSync(file, writeDi(text, model, geo, placed, origin));
	console.log(`${file}: ${Math.round(maxX - minX)} x ${Math.round(maxY - minY)}`
		+ (problems.length ? ` — labels without a free place: ${problems.join(', ')}` : ''));
}
