const SVG_NS = 'http://www.w3.org/2000/svg';

/** The Shouwang emblem (shield with a watchful eye), decorative only. */
export function createEmblem(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 32 32');
  svg.setAttribute('class', 'brand__mark');
  svg.setAttribute('aria-hidden', 'true');
  const shapes: ReadonlyArray<[string, Record<string, string>]> = [
    ['path', { d: 'M16 2 4 7v8c0 7.2 5.1 13.3 12 15 6.9-1.7 12-7.8 12-15V7L16 2z', class: 'brand__mark-shield' }],
    ['circle', { cx: '16', cy: '15', r: '4.5', class: 'brand__mark-eye' }],
    ['circle', { cx: '16', cy: '15', r: '1.6', class: 'brand__mark-pupil' }],
  ];
  for (const [tag, attrs] of shapes) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    svg.append(node);
  }
  return svg;
}
