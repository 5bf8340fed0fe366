import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { h } from '../ui/dom';
import type { ChartOption } from './dashboard_options';

// Only what the dashboard draws: bars, lines and the heatmap on a grid, drawn as SVG
// (crisp on the big screen, and no GPU needed on the workstations).
use([BarChart, LineChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent, SVGRenderer]);

/**
 * One ECharts chart in its own box. The chart is created when the box first has a size
 * (ECharts measures its container), follows the box's size as it changes, and marks the
 * box `data-rendered` once a picture is finished.
 */
export class ChartBox {
  readonly el: HTMLElement;
  private instance: EChartsType | null = null;
  private pending: ChartOption | null = null;
  private readonly observer: ResizeObserver;

  constructor(testId: string) {
    this.el = h('div', { class: 'chart__canvas', role: 'img', 'data-testid': testId });
    this.observer = new ResizeObserver(() => this.fit());
    this.observer.observe(this.el);
  }

  /** Draws `option` in place of what was drawn. */
  show(option: ChartOption): void {
    this.pending = option;
    this.fit();
  }

  /** The chart's own size follows its box's; a box without a size waits. */
  fit(): void {
    if (this.el.clientWidth === 0 || this.el.clientHeight === 0) return;
    if (!this.instance) {
      this.instance = init(this.el, null, { renderer: 'svg' });
      this.instance.on('finished', () => this.el.setAttribute('data-rendered', 'true'));
    } else {
      this.instance.resize();
    }
    if (this.pending) {
      this.el.removeAttribute('data-rendered');
      this.instance.setOption(this.pending, { notMerge: true });
      this.pending = null;
    }
  }

  dispose(): void {
    this.observer.disconnect();
    this.instance?.dispose();
    this.instance = null;
  }
}
