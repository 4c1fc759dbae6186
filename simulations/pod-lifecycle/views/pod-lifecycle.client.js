// pod-lifecycle: turns the server-rendered list of snapshots into a time slider
// that marks its moment on the timeline (a cursor line), starts at the first
// moment a question asks about, offers a button per asked moment, and follows
// clicks on the chart. Without JavaScript the list stays a list of <details>,
// one per moment, the asked ones open.
(function () {
  'use strict';
  function enhance(root) {
    var slider = root.querySelector('[data-pl-slider]');
    if (!slider || slider.classList.contains('is-enhanced')) return;
    var items = Array.prototype.slice.call(slider.querySelectorAll('.pl-snapshot'));
    if (items.length === 0) return;
    var chart = root.querySelector('[data-pl-chart]');
    var cursor = root.querySelector('[data-pl-cursor]');
    var controls = document.createElement('div');
    controls.className = 'pl-slider-controls';
    var label = document.createElement('label');
    var input = document.createElement('input');
    input.type = 'range';
    input.min = '0';
    input.max = String(items.length - 1);
    input.step = '1';
    input.setAttribute('aria-label', 'Moment in the Pod\u2019s life');
    var out = document.createElement('output');
    label.textContent = 'Moment ';
    controls.appendChild(label);
    controls.appendChild(input);
    controls.appendChild(out);
    slider.insertBefore(controls, slider.firstChild);
    // One button per moment a question asks about: reachable in one step, whatever the slider's granularity.
    var asked = items.filter(function (li) {
      return li.classList.contains('pl-asked-moment');
    });
    if (asked.length > 0) {
      var jumps = document.createElement('div');
      jumps.className = 'pl-jumps';
      asked.forEach(function (li) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'button';
        var summary = li.querySelector('summary');
        b.textContent = 'Go to ' + (summary ? summary.firstChild.textContent.trim() : 't') + ' (asked about)';
        b.addEventListener('click', function () {
          show(items.indexOf(li));
        });
        jumps.appendChild(b);
      });
      slider.insertBefore(jumps, controls.nextSibling);
    }
    slider.classList.add('is-enhanced');
    function show(i) {
      input.value = String(i);
      items.forEach(function (li, j) {
        li.hidden = j !== i;
        var d = li.querySelector('details');
        if (d && j === i) d.open = true;
      });
      var summary = items[i].querySelector('summary');
      out.textContent = summary ? summary.textContent : '';
      if (cursor) {
        var x = items[i].getAttribute('data-x');
        cursor.setAttribute('x1', x);
        cursor.setAttribute('x2', x);
        cursor.setAttribute('visibility', 'visible');
      }
    }
    input.addEventListener('input', function () {
      show(Number(input.value));
    });
    // A click on the chart picks the moment nearest to it.
    if (chart && typeof chart.getScreenCTM === 'function') {
      chart.classList.add('is-clickable');
      chart.addEventListener('click', function (event) {
        var ctm = chart.getScreenCTM();
        if (!ctm) return;
        var point = chart.createSVGPoint();
        point.x = event.clientX;
        point.y = event.clientY;
        var x = point.matrixTransform(ctm.inverse()).x;
        var best = 0;
        var bestDistance = Infinity;
        items.forEach(function (li, j) {
          var d = Math.abs(Number(li.getAttribute('data-x')) - x);
          if (d < bestDistance) {
            best = j;
            bestDistance = d;
          }
        });
        show(best);
      });
    }
    var start = Number(slider.getAttribute('data-start'));
    show(start >= 0 && start < items.length ? start : 0);
  }
  function init() {
    var roots = document.querySelectorAll('[data-sim="pod-lifecycle"]');
    Array.prototype.forEach.call(roots, enhance);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
  document.addEventListener('kn:output', init);
})();
