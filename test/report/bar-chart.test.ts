// The SVG bar charts in process: one bar per value, its length in proportion to the axis, every
// text escaped, and a tooltip naming the group, the series and the value.
import { describe, expect, it } from 'vitest';
import { barChartSvg, xmlEscape } from '../../src/report/svg.js';

/** The bars of a chart: their width and their tooltip. */
function bars(svg: string): { width: number; title: string }[] {
  return [...svg.matchAll(/<rect x="\d+(?:\.\d+)?" y="[\d.]+" width="([\d.]+)" height="\d+" fill="#[0-9a-f]{6}"><title>([^<]*)<\/title><\/rect>/g)].map((m) => ({ width: Number(m[1]), title: m[2]! }));
}

describe('barChartSvg', () => {
  const chart = {
    title: 'Hộ nghèo <theo> xã & "phường"',
    series: ['Poor', 'Near-poor'],
    unit: '%',
    max: 100,
    groups: [
      { label: 'Xã A', values: [50, 25] },
      { label: 'Xã <B>', values: [0, 12.5] },
    ],
  };
  const svg = barChartSvg(chart);

  it('is one SVG document, its texts escaped', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('Hộ nghèo &lt;theo&gt; xã &amp; &quot;phường&quot;');
    expect(svg).not.toContain('<theo>');
    expect(svg).not.toContain('<B>');
  });

  it('draws one bar per value, in order, its length in proportion to the axis', () => {
    const drawn = bars(svg);
    expect(drawn.map((b) => b.title)).toEqual(['Xã A — Poor: 50%', 'Xã A — Near-poor: 25%', 'Xã &lt;B&gt; — Poor: 0%', 'Xã &lt;B&gt; — Near-poor: 12.5%']);
    const full = drawn[0]!.width * 2; // 50 of 100
    expect(drawn.map((b) => b.width / full)).toEqual([0.5, 0.25, 0, 0.125]);
  });

  it('names each series in the legend', () => {
    expect(svg).toMatch(/<text [^>]*>Poor<\/text>/);
    expect(svg).toMatch(/<text [^>]*>Near-poor<\/text>/);
  });

  it('without a maximum, the longest bar is the largest value; without values, the axis still has a length', () => {
    const drawn = bars(barChartSvg({ title: 't', series: ['a'], groups: [{ label: 'x', values: [3] }, { label: 'y', values: [1.5] }] }));
    expect(drawn[1]!.width * 2).toBeCloseTo(drawn[0]!.width, 10);
    expect(drawn.map((b) => b.title)).toEqual(['x — a: 3', 'y — a: 1.5']);
    const empty = barChartSvg({ title: 'none', series: ['a'], groups: [{ label: 'x', values: [0] }] });
    expect(bars(empty).map((b) => b.width)).toEqual([0]);
    expect(empty).not.toMatch(/NaN|Infinity/);
  });
});

describe('xmlEscape', () => {
  it('escapes the characters XML reserves, and nothing else', () => {
    expect(xmlEscape(`a & b < c > d "e" 'f' đ`)).toBe(`a &amp; b &lt; c &gt; d &quot;e&quot; 'f' đ`);
  });
});
