// Applies a theme chosen in Settings before the first paint, so a dark choice on a light system
// (or the reverse) never flashes. It runs at the end of <body>: a classic script waits for the
// stylesheets above it, whose dark blocks it rewrites. src-renderer/theme.ts does the same once
// the app runs (and for stylesheets loaded later); keep the two in step.
/* global document */
(function () {
  var choice;
  try {
    choice = localStorage.getItem('fleetdeck.theme');
  } catch {
    return;
  }
  if (choice !== 'light' && choice !== 'dark') return;
  var query = choice === 'dark' ? 'all, (prefers-color-scheme: dark)' : 'print and (prefers-color-scheme: dark)';
  function rewrite(rules) {
    for (var i = 0; i < rules.length; i++) {
      var rule = rules[i];
      if (rule.media && /prefers-color-scheme:\s*dark/.test(rule.media.mediaText)) rule.media.mediaText = query;
      else if (rule.cssRules) rewrite(rule.cssRules);
    }
  }
  for (var s = 0; s < document.styleSheets.length; s++) {
    try {
      rewrite(document.styleSheets[s].cssRules);
    } catch {
      // another origin's sheet: not Fleetdeck's
    }
  }
  document.documentElement.setAttribute('data-theme', choice);
  document.documentElement.style.setProperty('color-scheme', choice);
})();
