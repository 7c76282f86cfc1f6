// Draws every chart on the page with Apache ECharts (SVG, so text uses the page's CJK font), from
// the option the server put in data-option. Each chart has a data table beside it for screen readers
// and keyboards; the chart itself is described by ECharts' aria option.
(function () {
  function draw(root) {
    if (!window.echarts) return;
    root.querySelectorAll('.chart[data-option]').forEach(function (el) {
      if (el.dataset.drawn) return;
      var option = JSON.parse(el.dataset.option);
      option.aria = { enabled: true };
      option.textStyle = { fontFamily: '"Noto Sans SC", sans-serif' };
      option.animation = false;
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(option);
      el.dataset.drawn = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:afterSwap', function (e) { draw(e.target); });
})();
