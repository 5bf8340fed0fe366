import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Briefing } from '../api/briefing';
import type { Theme } from '../map/style';
import { groupName, hotspotGrid, leagueOrder, shareText, trendLabels, type Names, type Tr } from './dashboard_model';

/**
 * The ECharts options of the dashboard's four charts, built from a briefing: the groups
 * (this period beside last year), the trend (this period, last year and the previous
 * period, with gaps where a compared period has no such day), the station league and the
 * hotspot grid. Colours follow the console's day and night themes; `scale` enlarges the
 * type for the big screen. Pure: only ECharts' types are imported here.
 */

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | HeatmapSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export interface ChartPalette {
  text: string;
  muted: string;
  axis: string;
  split: string;
  tooltip: string;
  current: string;
  lastYear: string;
  previous: string;
  league: string;
  /** The hotspot ramp, quietest to busiest. */
  heat: string[];
}

/** The chart colours of each theme, matched to workspace.css and console.css. */
export const CHART_PALETTES: Readonly<Record<Theme, ChartPalette>> = {
  night: {
    text: '#e2ebf5',
    muted: '#8ea3bb',
    axis: '#2c4d70',
    split: '#1f3752',
    tooltip: '#15263b',
    current: '#38bdf8',
    lastYear: '#f59e0b',
    previous: '#a78bfa',
    league: '#22c55e',
    heat: ['#1e3a5f', '#b45309', '#f97316', '#ff1744'],
  },
  day: {
    text: '#14202e',
    muted: '#4b5b6e',
    axis: '#9fb0c4',
    split: '#cfd8e3',
    tooltip: '#ffffff',
    current: '#0b63b6',
    lastYear: '#b45309',
    previous: '#7b3fd1',
    league: '#137333',
    heat: ['#fde8d7', '#f4a259', '#c2410c', '#5c0a0a'],
  },
};

export interface ChartLook {
  palette: ChartPalette;
  /** 1 on the desk, larger on the big screen. */
  scale: number;
}

export function chartLook(theme: Theme, big: boolean): ChartLook {
  return { palette: CHART_PALETTES[big ? 'night' : theme], scale: big ? 1.6 : 1 };
}

function base(look: ChartLook): ChartOption {
  const { palette: p, scale } = look;
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    textStyle: { color: p.text, fontSize: Math.round(12 * scale) },
    tooltip: {
      backgroundColor: p.tooltip,
      borderColor: p.axis,
      textStyle: { color: p.text, fontSize: Math.round(13 * scale) },
    },
    legend: { top: 0, textStyle: { color: p.text, fontSize: Math.round(12 * scale) }, itemWidth: 18 * scale, itemHeight: 10 * scale },
  };
}

function axisStyle(look: ChartLook) {
  const { palette: p, scale } = look;
  return {
    axisLine: { lineStyle: { color: p.axis } },
    axisTick: { lineStyle: { color: p.axis } },
    axisLabel: { color: p.muted, fontSize: Math.round(11 * scale) },
    splitLine: { lineStyle: { color: p.split } },
  };
}

function grid(look: ChartLook, left = 40): GridComponentOption {
  return { left: left * look.scale, right: 16 * look.scale, top: 34 * look.scale, bottom: 8, containLabel: true };
}

/** The eight reporting groups: this period beside the same period last year. */
export function groupsOption(briefing: Briefing, tr: Tr, look: ChartLook): ChartOption {
  const { palette: p } = look;
  const axis = axisStyle(look);
  return {
    ...base(look),
    grid: grid(look, 8),
    tooltip: { ...base(look).tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: briefing.groups.map((row) => groupName(tr, row.key[0] ?? '')),
      ...axis,
      // Eight names side by side: they wrap on the desk and slant on the big screen's larger type.
      axisLabel:
        look.scale > 1
          ? { ...axis.axisLabel, interval: 0, rotate: 30 }
          : { ...axis.axisLabel, interval: 0, width: 64, overflow: 'break' },
    },
    yAxis: { type: 'value', minInterval: 1, ...axis },
    series: [
      { type: 'bar', name: tr('dash.series.current'), data: briefing.groups.map((row) => row.current), itemStyle: { color: p.current } },
      { type: 'bar', name: tr('dash.series.lastYear'), data: briefing.groups.map((row) => row.last_year), itemStyle: { color: p.lastYear } },
    ],
  };
}

/** By hour (a day) or by day: this period, last year and the previous period; null is a gap. */
export function trendOption(briefing: Briefing, tr: Tr, look: ChartLook): ChartOption {
  const { palette: p, scale } = look;
  const { trend } = briefing;
  const line = (name: string, data: (number | null)[], color: string, dashed: boolean): LineSeriesOption => ({
    type: 'line',
    name,
    data: data.map((v) => (v === null ? '-' : v)),
    connectNulls: false,
    showSymbol: data.length <= 31,
    symbolSize: 5 * scale,
    lineStyle: { color, width: (dashed ? 1.5 : 2.5) * scale, type: dashed ? 'dashed' : 'solid' },
    itemStyle: { color },
  });
  return {
    ...base(look),
    grid: grid(look, 8),
    tooltip: { ...base(look).tooltip, trigger: 'axis' },
    xAxis: { type: 'category', boundaryGap: false, data: trendLabels(trend), ...axisStyle(look) },
    yAxis: { type: 'value', minInterval: 1, ...axisStyle(look) },
    series: [
      line(tr('dash.series.current'), trend.current, p.current, false),
      line(tr('dash.series.lastYear'), trend.last_year, p.lastYear, true),
      line(tr('dash.series.previous'), trend.previous, p.previous, true),
    ],
  };
}

/** Each station's share of arrivals within the standard, best first at the top. */
export function leagueOption(briefing: Briefing, tr: Tr, names: Names, look: ChartLook): ChartOption {
  const { palette: p, scale } = look;
  const rows = leagueOrder(briefing.league);
  const axis = axisStyle(look);
  return {
    ...base(look),
    legend: { show: false },
    // Room on the right for the share written after the longest bar.
    grid: { ...grid(look, 8), top: 8, right: 56 * scale },
    tooltip: {
      ...base(look).tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => (typeof value === 'number' ? `${value.toFixed(1)}%` : '—'),
    },
    xAxis: { type: 'value', min: 0, max: 100, ...axis, axisLabel: { ...axis.axisLabel, formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => names.org(row.key)), ...axis },
    series: [
      {
        type: 'bar',
        name: tr('dash.series.withinStandard'),
        data: rows.map((row) => (row.within_standard === null ? '-' : Math.round(row.within_standard * 1000) / 10)),
        itemStyle: { color: p.league },
        barMaxWidth: 22 * scale,
        label: {
          show: true,
          position: 'right',
          color: p.text,
          fontSize: Math.round(11 * scale),
          formatter: (params) => shareText(typeof params.value === 'number' ? params.value / 100 : null),
        },
      },
    ],
  };
}

/** The hotspot cells on a grid by their south-west corners, busiest strongest. */
export function hotspotsOption(briefing: Briefing, tr: Tr, look: ChartLook): ChartOption {
  const { palette: p, scale } = look;
  const cells = hotspotGrid(briefing.hotspots);
  const axis = axisStyle(look);
  const cellAxis = (name: string, data: string[], along: boolean) => ({
    type: 'category' as const,
    data,
    name,
    nameLocation: along ? ('middle' as const) : ('end' as const),
    nameGap: along ? 26 * scale : 10 * scale,
    nameTextStyle: { color: p.muted, fontSize: Math.round(11 * scale) },
    ...axis,
    splitArea: { show: false },
  });
  return {
    ...base(look),
    legend: { show: false },
    grid: { ...grid(look, 8), top: 24 * scale, bottom: 58 * scale },
    tooltip: {
      ...base(look).tooltip,
      trigger: 'item',
      formatter: (params) => {
        const one = Array.isArray(params) ? params[0] : params;
        const value = one?.value;
        if (!Array.isArray(value)) return '';
        const [x, y, count] = value as number[];
        return `${tr('dash.series.count')}: ${count ?? 0}<br>${tr('dash.axis.lat')} ${cells.lats[y ?? 0] ?? ''} · ${tr('dash.axis.lon')} ${cells.lons[x ?? 0] ?? ''}`;
      },
    },
    xAxis: cellAxis(tr('dash.axis.lon'), cells.lons, true),
    yAxis: cellAxis(tr('dash.axis.lat'), cells.lats, false),
    visualMap: {
      type: 'continuous',
      min: 0,
      max: Math.max(1, cells.max),
      calculable: false,
      text: [String(Math.max(1, cells.max)), '0'],
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120 * scale,
      itemWidth: 10 * scale,
      textStyle: { color: p.muted, fontSize: Math.round(11 * scale) },
      inRange: { color: p.heat },
    },
    series: [
      {
        type: 'heatmap',
        name: tr('dash.series.count'),
        data: cells.cells,
        itemStyle: { borderColor: p.split, borderWidth: 0.5 },
        emphasis: { itemStyle: { borderColor: p.text, borderWidth: 1 } },
      },
    ],
  };
}
