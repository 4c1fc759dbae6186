// pod-lifecycle: turns the server-rendered list of snapshots into a time slider.
// Without JavaScript the list stays a list of <details>, one per moment.
(function () {
  'use strict';
  function enhance(root) {
    var slider = root.querySelector('[data-pl-slider]');
    if (!slider || slider.classList.contains('is-enhanced')) return;
    var items = Array.prototype.slice.call(slider.querySelectorAll('.pl-snapshot'));
    if (items.length === 0) return;
    var controls = document.createElement('div');
    controls.className = 'pl-slider-controls';
    var label = document.createElement('label');
    var input = document.createElement('input');
    input.type = 'range';
    input.min = '0';
    input.max = String(items.length - 1);
    input.step = '1';
    input.value = '0';
    input.setAttribute('aria-label', 'Moment in the Pod\u2019s life');
    var out = document.createElement('output');
    label.textContent = 'Moment ';
    controls.appendChild(label);
    controls.appendChild(input);
    controls.appendChild(out);
    slider.insertBefore(controls, slider.firstChild);
    slider.classList.add('is-enhanced');
    function show(i) {
      items.forEach(function (li, j) {
        li.hidden = j !== i;
        var d = li.querySelector('details');
        if (d && j === i) d.open = true;
      });
      var summary = items[i].querySelector('summary');
      out.textContent = summary ? summary.textContent : '';
    }
    input.addEventListener('input', function () {
      show(Number(input.value));
    });
    show(0);
  }
  function init() {
    var roots = document.querySelectorAll('[data-sim="pod-lifecycle"]');
    Array.prototype.forEach.call(roots, enhance);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
  document.addEventListener('kn:output', init);
})();
