// kube-notebook: progressive enhancement. Every feature works without this
// file (forms post and the server redirects back); with it, Run, Reset and
// quiz answers update in place, Ctrl/Cmd+Enter runs, j/k move between cells,
// and the theme switches without a reload.
//
// Engine scripts (simulations/<id>/views/*.client.js) listen for the
// "kn:output" event, fired on a cell's output element after it is replaced.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function postJson(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrfToken() },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(
        function (data) { return { status: response.status, data: data }; },
        function () { return { status: response.status, data: null }; }
      );
    });
  }

  // UI strings come from server/i18n (keys js.*), in the page's language.
  var strings = null;
  function text(key) {
    if (strings === null) {
      var meta = document.querySelector('meta[name="kn-strings"]');
      try { strings = meta ? JSON.parse(meta.getAttribute('content')) : {}; } catch (e) { strings = {}; }
    }
    return strings[key] || key;
  }

  function announceOutput(output) {
    output.dispatchEvent(new CustomEvent('kn:output', { bubbles: true }));
  }

  // ---- Simulation cells -------------------------------------------------
  // A failed run replaces the output with its error (the server renders it; a
  // request that got no HTML back, a body over the limit or a lost connection,
  // gets a box built here). The last result that ran is kept in memory so the
  // learner can look at it again next to the error.
  var lastGood = new WeakMap();

  function errorBox(message) {
    var box = document.createElement('div');
    box.className = 'sim-error';
    box.setAttribute('role', 'alert');
    box.tabIndex = -1;
    var title = document.createElement('p');
    title.className = 'sim-error-title';
    var strong = document.createElement('strong');
    strong.textContent = text('errorTitle');
    title.appendChild(strong);
    var body = document.createElement('p');
    body.className = 'sim-error-message';
    body.textContent = message;
    box.appendChild(title);
    box.appendChild(body);
    return box;
  }

  function button(label, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'button';
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  /** Shows a failed run's error in the output, with a way back to the last result that ran. */
  function showFailure(cell, output, html, message) {
    if (output.querySelector('.sim-result')) lastGood.set(cell, output.innerHTML);
    if (html) output.innerHTML = html;
    else {
      output.innerHTML = '';
      output.appendChild(errorBox(message));
    }
    var errorHtml = output.innerHTML;
    var good = lastGood.get(cell);
    var box = output.querySelector('.sim-error');
    if (good && box) {
      var row = document.createElement('p');
      row.className = 'sim-last-good';
      row.appendChild(button(text('showLastGood'), function () {
        output.innerHTML = good;
        var note = document.createElement('p');
        note.className = 'sim-last-good-note';
        note.setAttribute('role', 'status');
        note.appendChild(document.createTextNode(text('lastGoodNote') + ' '));
        var back = button(text('showError'), function () { showFailure(cell, output, errorHtml, message); });
        note.appendChild(back);
        output.insertBefore(note, output.firstChild);
        back.focus();
        announceOutput(output);
      }));
      box.appendChild(row);
    }
    announceOutput(output);
  }

  // The predict quizzes on an edited cell say plainly that they are about the
  // lesson's scenario (the server renders the same notice for a saved edit).
  function scenarioNotice(quiz, simId) {
    var notice = document.createElement('div');
    notice.className = 'quiz-scenario-notice notice';
    notice.setAttribute('data-scenario-notice', '');
    var says = document.createElement('p');
    says.textContent = text('predictEdited');
    var offer = document.createElement('p');
    var link = document.createElement('a');
    link.href = '/lessons/' + encodeURIComponent(quiz.getAttribute('data-slug')) + '/cells/' + encodeURIComponent(simId) + '/scenario';
    link.setAttribute('data-detail', '');
    link.textContent = text('showScenario');
    offer.appendChild(link);
    notice.appendChild(says);
    notice.appendChild(offer);
    return notice;
  }

  function markEdited(cell, edited) {
    var simId = cell.getAttribute('data-cell');
    document.querySelectorAll('.cell-quiz[data-sim="' + simId + '"]').forEach(function (quiz) {
      var notice = quiz.querySelector('[data-scenario-notice]');
      if (edited && !notice) quiz.insertBefore(scenarioNotice(quiz, simId), quiz.querySelector('.quiz-form'));
      else if (!edited && notice) notice.remove();
    });
    var state = cell.querySelector('.cell-state');
    if (!state) return;
    state.setAttribute('data-edited', edited ? 'true' : 'false');
    state.textContent = edited ? text('edited') : text('default');
  }

  function runCell(form, action) {
    var cell = form.closest('.cell-sim');
    var slug = cell.getAttribute('data-slug');
    var id = cell.getAttribute('data-cell');
    var output = cell.querySelector('.sim-output');
    var status = cell.querySelector('.sim-status');
    var textarea = form.querySelector('textarea');
    var buttons = form.querySelectorAll('button');
    var base = '/api/lessons/' + encodeURIComponent(slug) + '/cells/' + encodeURIComponent(id);
    buttons.forEach(function (b) { b.disabled = true; });
    output.classList.add('is-stale');
    status.textContent = text('running');
    // Both answer just what is swapped in (?only=html). After a reset the HTML
    // may be the predict-first notice instead of a result: the server decides.
    var request = action === 'reset' ? postJson(base + '/reset?only=html', {}) : postJson(base + '/run?only=html', { input: textarea.value });
    request
      .then(function (res) {
        var data = res.data;
        var html = data && typeof data.html === 'string' ? data.html : null;
        status.textContent = '';
        if (!data || data.ok === false || html === null) {
          // A run that ran and failed (bad YAML, a field that does not validate) was saved.
          if (data && data.edited === true) markEdited(cell, true);
          var message = (data && data.error && data.error.message) || text('failed');
          showFailure(cell, output, html, message);
          return;
        }
        if (action === 'reset') lastGood.delete(cell);
        output.innerHTML = html;
        if (action === 'reset') {
          textarea.value = data.input;
          textarea.dispatchEvent(new CustomEvent('kn:reset', { bubbles: true }));
        }
        markEdited(cell, action !== 'reset' && data.edited !== false);
        if (action === 'run') markInContents(cell.id, 'done');
        announceOutput(output);
      })
      .catch(function () { showFailure(cell, output, null, text('failed')); })
      .then(function () {
        output.classList.remove('is-stale');
        buttons.forEach(function (b) { b.disabled = false; });
      });
  }

  // ---- On-demand details (kubectl describe at a moment, …) --------------
  // A link with data-detail opens the detail on a page of its own; with this
  // script it is fetched from the JSON API and shown in place, and a second
  // click hides it again.
  function toggleDetail(link) {
    var shown = link.parentNode.querySelector('.detail-inline');
    if (shown) {
      var open = shown.hidden;
      shown.hidden = !open;
      link.setAttribute('aria-expanded', String(open));
      return;
    }
    var pre = document.createElement('pre');
    pre.className = 'detail-inline';
    pre.textContent = text('loading');
    link.parentNode.appendChild(pre);
    link.setAttribute('aria-expanded', 'true');
    fetch('/api' + link.getAttribute('href'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (detail) { pre.textContent = detail.text; })
      .catch(function () {
        pre.remove();
        link.removeAttribute('aria-expanded');
        var note = document.createElement('p');
        note.className = 'detail-error';
        note.textContent = text('detailFailed');
        link.parentNode.appendChild(note);
      });
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-detail]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    toggleDetail(link);
  });

  // ---- Troubleshooting challenges -----------------------------------------
  // Run (or reset) checks the objectives on the server and swaps in the report,
  // the output and the help; a hint or the solution is fetched in place. The
  // forms post without this script.
  function swapChallenge(cell, data) {
    var report = cell.querySelector('.challenge-report');
    var help = cell.querySelector('.challenge-help');
    if (report && typeof data.reportHtml === 'string') report.innerHTML = data.reportHtml;
    if (help && typeof data.helpHtml === 'string') help.innerHTML = data.helpHtml;
    var standing = cell.querySelector('.cell-header .challenge-standing');
    if (standing && data.standing) {
      standing.setAttribute('data-standing', data.standing.standing);
      standing.textContent = data.standing.text;
      if (data.standing.standing === 'solved') markInContents(cell.id, 'done');
      else if (data.standing.standing === 'seen') markInContents(cell.id, 'missed');
    }
    if (typeof data.solved === 'boolean') cell.classList.toggle('is-solved', data.solved);
  }

  function runChallenge(form, action) {
    var cell = form.closest('.cell-challenge');
    var base = '/api/lessons/' + encodeURIComponent(cell.getAttribute('data-slug')) + '/challenges/' + encodeURIComponent(cell.getAttribute('data-cell'));
    var output = cell.querySelector('.sim-output');
    var status = cell.querySelector('.sim-status');
    var textarea = form.querySelector('textarea');
    var buttons = form.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    output.classList.add('is-stale');
    status.textContent = text('challenge.checking');
    var request = action === 'reset' ? postJson(base + '/reset', {}) : postJson(base + '/run', { input: textarea.value });
    request
      .then(function (res) {
        var data = res.data;
        status.textContent = '';
        if (!data || (data.ok === false && typeof data.reportHtml !== 'string')) {
          var html = data && typeof data.html === 'string' ? data.html : null;
          showFailure(cell, output, html, (data && data.error && data.error.message) || text('failed'));
          return;
        }
        swapChallenge(cell, data);
        if (action === 'reset') {
          textarea.value = data.input;
          textarea.dispatchEvent(new CustomEvent('kn:reset', { bubbles: true }));
        }
        if (data.ok === false) showFailure(cell, output, data.html, (data.error && data.error.message) || text('failed'));
        else {
          output.innerHTML = data.html || '';
          announceOutput(output);
        }
      })
      .catch(function () { showFailure(cell, output, null, text('failed')); })
      .then(function () {
        output.classList.remove('is-stale');
        buttons.forEach(function (b) { b.disabled = false; });
      });
  }

  function challengeHelp(form, what) {
    var cell = form.closest('.cell-challenge');
    var url = '/api/lessons/' + encodeURIComponent(cell.getAttribute('data-slug')) + '/challenges/' + encodeURIComponent(cell.getAttribute('data-cell')) + '/' + what;
    var button = form.querySelector('button');
    if (button) button.disabled = true;
    postJson(url, {})
      .then(function (res) {
        if (!res.data || typeof res.data.helpHtml !== 'string') throw new Error(String(res.status));
        swapChallenge(cell, res.data);
        var added = cell.querySelector(what === 'hint' ? '.challenge-hint:last-child' : '.challenge-solution');
        if (added) { added.setAttribute('tabindex', '-1'); added.focus(); }
      })
      .catch(function () {
        if (button) button.disabled = false;
        var status = cell.querySelector('.sim-status');
        if (status) status.textContent = text('failed');
      });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.classList.contains('challenge-form')) {
      event.preventDefault();
      var by = event.submitter;
      runChallenge(form, by && by.value === 'reset' ? 'reset' : 'run');
    } else if (form.classList.contains('challenge-hint-form')) {
      event.preventDefault();
      challengeHelp(form, 'hint');
    } else if (form.classList.contains('challenge-solution-form')) {
      event.preventDefault();
      challengeHelp(form, 'solution');
    } else if (form.classList.contains('sim-form')) {
      event.preventDefault();
      var submitter = event.submitter;
      runCell(form, submitter && submitter.value === 'reset' ? 'reset' : 'run');
    } else if (form.classList.contains('quiz-form')) {
      event.preventDefault();
      answerQuiz(form);
    } else if (form.classList.contains('prefs') && event.submitter && event.submitter.name === 'theme') {
      event.preventDefault();
      setTheme(form, event.submitter.value);
    }
  });

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (target.classList && target.classList.contains('sim-input')) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        if (target.form.classList.contains('challenge-form')) runChallenge(target.form, 'run');
        else runCell(target.form, 'run');
      } else if (event.key === 'Escape') {
        target.blur();
        var cell = target.closest('.cell');
        if (cell) cell.focus();
      }
      return;
    }
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'j' || event.key === 'k') {
      moveBetweenCells(event.key === 'j' ? 1 : -1);
    } else if (event.key === '/') {
      // Like GitHub and MDN: `/` goes to the search box in the header.
      var search = document.getElementById('site-search-q');
      if (search) {
        event.preventDefault();
        search.focus();
        search.select();
      }
    } else if (event.key === '?') {
      var panel = document.getElementById('shortcuts');
      if (panel) panel.classList.toggle('open');
    } else if (event.key === 'Escape') {
      var open = document.querySelector('.shortcuts.open');
      if (open) open.classList.remove('open');
    }
  });

  function moveBetweenCells(step) {
    var cells = Array.prototype.slice.call(document.querySelectorAll('.cell-sim, .cell-quiz, .cell-challenge'));
    if (cells.length === 0) return;
    var current = document.querySelector('.cell.is-focused');
    var index = current ? cells.indexOf(current) : -1;
    if (index < 0) {
      // Start from the first cell below the top of the viewport.
      index = step > 0 ? -1 : cells.length;
      for (var i = 0; i < cells.length; i++) {
        if (cells[i].getBoundingClientRect().top > 0) { index = step > 0 ? i - 1 : i; break; }
      }
    }
    var next = cells[Math.max(0, Math.min(cells.length - 1, index + step))];
    if (current) current.classList.remove('is-focused');
    next.classList.add('is-focused');
    next.focus({ preventScroll: true });
    next.scrollIntoView({ block: 'start' });
  }

  // ---- Quizzes ----------------------------------------------------------
  // The Contents mark of a cell (done, missed, not tried), as the server renders it on the next load.
  function markInContents(anchor, mark) {
    var link = document.querySelector('.toc-cell a[href="#' + anchor + '"]');
    if (!link) return;
    var item = link.parentNode;
    item.classList.remove('mark-done', 'mark-missed', 'mark-untried');
    item.classList.add('mark-' + mark);
    var label = link.querySelector('.visually-hidden');
    if (label) label.textContent = text('mark.' + mark) + ': ';
  }

  function answerQuiz(form) {
    var cell = form.closest('.cell-quiz');
    var kind = cell.getAttribute('data-input');
    var answer;
    if (kind === 'single') {
      var picked = form.querySelector('input[name="answer"]:checked');
      if (!picked) return;
      answer = Number(picked.value);
    } else if (kind === 'multiple') {
      answer = Array.prototype.map.call(form.querySelectorAll('input[name="answer"]:checked'), function (i) { return Number(i.value); });
    } else {
      var field = form.querySelector('input[name="answer"]');
      if (!field.value.trim()) return;
      answer = field.value;
    }
    var status = cell.querySelector('.quiz-status');
    var slot = cell.querySelector('.quiz-feedback-slot');
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    status.textContent = text('checking');
    postJson('/api/quizzes/' + encodeURIComponent(cell.getAttribute('data-slug')) + '/' + encodeURIComponent(cell.getAttribute('data-cell')) + '/answers', { answer: answer })
      .then(function (res) {
        if (!res.data || typeof res.data.html !== 'string') {
          status.textContent = (res.data && res.data.error && res.data.error.message) || text('failed');
          return;
        }
        slot.innerHTML = res.data.html;
        cell.classList.remove('answered-right', 'answered-wrong', 'answered-seen');
        cell.classList.add('answered-' + (res.data.standing || (res.data.correct ? 'right' : 'wrong')));
        markInContents(cell.id, res.data.standing === 'right' ? 'done' : 'missed');
        status.textContent = '';
        // Predict first: the first answer to a cell's last predict quiz releases its result, shown in place.
        var reveal = res.data.reveal;
        var simOutput = reveal && document.getElementById('cell-' + reveal.cellId + '-output');
        if (simOutput && simOutput.querySelector('[data-predict-first]')) {
          simOutput.innerHTML = reveal.html;
          announceOutput(simOutput);
        }
      })
      .catch(function () { status.textContent = text('failed'); })
      .then(function () { button.disabled = false; });
  }

  // ---- The code editor ----------------------------------------------------
  // Lesson pages name the editor's bundle (CodeMirror, ~100 KiB gzipped); it is
  // fetched once the page has painted and is idle, so it never delays the first
  // paint, and cached for good (fingerprinted URL). Until then, and without it,
  // the textarea is the editor.
  function loadEditor() {
    var lesson = document.querySelector('.lesson[data-editor]');
    if (!lesson || !document.querySelector('textarea.sim-input')) return;
    var script = document.createElement('script');
    script.src = lesson.getAttribute('data-editor');
    script.async = true;
    document.head.appendChild(script);
  }
  function whenIdle() {
    if (window.requestIdleCallback) window.requestIdleCallback(loadEditor, { timeout: 1500 });
    else setTimeout(loadEditor, 200);
  }
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle);

  // ---- Contents: the section being read -------------------------------------
  // The last section heading above the top third of the window is the current one;
  // its Contents link gets aria-current="location".
  (function () {
    var links = Array.prototype.slice.call(document.querySelectorAll('.lesson-toc .toc-section > a[href^="#"]'));
    if (links.length === 0 || !('IntersectionObserver' in window)) return;
    var headings = links.map(function (a) { return document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1))); });
    var current = null;
    function update() {
      var line = window.innerHeight / 3;
      var index = -1;
      for (var i = 0; i < headings.length; i++) {
        if (headings[i] && headings[i].getBoundingClientRect().top <= line) index = i;
      }
      var link = index >= 0 ? links[index] : null;
      if (link === current) return;
      if (current) current.removeAttribute('aria-current');
      if (link) link.setAttribute('aria-current', 'location');
      current = link;
    }
    var observer = new IntersectionObserver(update, { rootMargin: '0px 0px -66% 0px' });
    headings.forEach(function (h) { if (h) observer.observe(h); });
    window.addEventListener('scroll', function () { window.requestAnimationFrame(update); }, { passive: true });
    update();
  })();

  // ---- Theme ------------------------------------------------------------
  function setTheme(form, theme) {
    document.documentElement.setAttribute('data-theme', theme);
    form.querySelectorAll('[data-theme-choice]').forEach(function (b) {
      if (b.getAttribute('data-theme-choice') === theme) b.setAttribute('aria-pressed', 'true');
      else b.removeAttribute('aria-pressed');
    });
    var body = new URLSearchParams();
    body.set('_csrf', csrfToken());
    body.set('theme', theme);
    fetch('/preferences', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: body.toString(),
    }).catch(function () {});
  }

  // ---- Scrollable boxes reachable by keyboard (issue 28) ------------------
  // A box that scrolls sideways (kubectl output, a wide table, a code block) and holds nothing
  // focusable gets tabindex 0, so a keyboard user can focus it and scroll it with the arrow keys
  // (WCAG 2.1.1; axe: scrollable-region-focusable). Checked again after every new output and resize.
  var FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]';
  function reachScrollables(root) {
    (root || document).querySelectorAll('main pre, main .table-scroll, main .sim-result').forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
      if (box.getAttribute('data-kn-scrollable') === 'true' && !scrolls) {
        box.removeAttribute('tabindex');
        box.removeAttribute('data-kn-scrollable');
      } else if (scrolls && !box.hasAttribute('tabindex') && !box.querySelector(FOCUSABLE)) {
        box.setAttribute('tabindex', '0');
        box.setAttribute('data-kn-scrollable', 'true');
      }
    });
  }
  reachScrollables(document);
  document.addEventListener('kn:output', function (event) { reachScrollables(event.target); });
  document.addEventListener('toggle', function (event) { reachScrollables(event.target); }, true);
  var resizeTimer = 0;
  window.addEventListener('resize', function () {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(function () { reachScrollables(document); }, 200);
  });
})();
