package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// screenshotEnv names a directory where the browser test keeps its
// screenshot of the HTML report; without it the PNG goes to a temporary
// directory that is removed after the test.
const screenshotEnv = "REFLINT_SCREENSHOT_DIR"

// chromium finds a Chromium or Chrome binary in PATH.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser starts a headless Chromium that stays off the network: no
// background networking, component updates, sync or first-run tasks,
// and a fresh profile.
func browser(t *testing.T, exe string) context.Context {
	t.Helper()
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1024),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return bctx
}

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(path)
}

// TestHTMLInBrowser opens the report in headless Chromium from a file:
// URL, counts the chart rows and findings in the DOM, checks that the
// article's <script> and onerror= text ran nothing, and saves a
// screenshot.
func TestHTMLInBrowser(t *testing.T) {
	exe := chromium()
	if exe == "" {
		t.Skip("no chromium, chromium-browser or google-chrome in PATH: the HTML report is not tested in a browser (install Debian's chromium to run this test)")
	}
	results := htmlResults(t)
	var page bytes.Buffer
	if err := WriteHTML(&page, results, HTMLOptions{Version: "test"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	reportURL := writeFile(t, filepath.Join(dir, "report.html"), page.Bytes())
	// A control page proves that this browser runs script from a file, so
	// that "nothing ran" below means something.
	controlURL := writeFile(t, filepath.Join(dir, "control.html"),
		[]byte(`<!DOCTYPE html><title>control</title><script>document.title='pwned';window.reflintPwned=1</script>`))

	ctx := browser(t, exe)
	if err := chromedp.Do(ctx, chromedp.Navigate(controlURL)); err != nil {
		t.Fatal(err)
	}
	controlTitle := evaluate[string](ctx, t, `document.title`)
	controlPwned := evaluate[any](ctx, t, `window.reflintPwned === undefined ? null : window.reflintPwned`)
	if controlTitle != "pwned" || controlPwned == nil {
		t.Fatalf("the control page's script did not run (title %q, flag %v): the browser checks below would prove nothing", controlTitle, controlPwned)
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(reportURL), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
		t.Fatal(err)
	}
	if title := evaluate[string](ctx, t, `document.title`); title != "reflint report" {
		t.Errorf("document.title = %q: article text ran as script", title)
	}
	if pwned := evaluate[any](ctx, t, `window.reflintPwned === undefined ? null : window.reflintPwned`); pwned != nil {
		t.Errorf("window.reflintPwned = %v: article text ran as script", pwned)
	}
	scripts := evaluate[int](ctx, t, `document.querySelectorAll('script').length`)
	handlers := evaluate[int](ctx, t, `Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length`)
	if scripts != 0 || handlers != 0 {
		t.Errorf("%d script elements and %d elements with event handlers in the DOM", scripts, handlers)
	}
	external := evaluate[int](ctx, t, `document.querySelectorAll('[src], link, iframe, object, embed, img').length`)
	loaded := evaluate[int](ctx, t, `performance.getEntriesByType('resource').length`)
	if external != 0 || loaded != 0 {
		t.Errorf("%d elements that load assets, %d resources loaded", external, loaded)
	}
	if !evaluate[bool](ctx, t, `document.body.innerText.includes('<img src=x onerror="window.reflintPwned=2">')`) {
		t.Error("the article's markup is not shown as text")
	}
	wantPer, wantRows := expectedRows(results)
	if rows := evaluate[int](ctx, t, `document.querySelectorAll('table.chart tr.cov-row').length`); rows != wantRows {
		t.Errorf("%d chart rows in the DOM, want %d", rows, wantRows)
	}
	rowsPerFile := evaluate[[]int](ctx, t, `Array.from(document.querySelectorAll('section.file')).map(s => s.querySelectorAll('tr.cov-row').length)`)
	if !slices.Equal(rowsPerFile, wantPer) {
		t.Errorf("chart rows per file %v, want %v", rowsPerFile, wantPer)
	}
	if svgBars := evaluate[int](ctx, t, `document.querySelectorAll('tr.cov-row svg.bar').length`); svgBars != wantRows {
		t.Errorf("%d SVG bars, want one per row (%d)", svgBars, wantRows)
	}
	if findings, want := evaluate[int](ctx, t, `document.querySelectorAll('li.finding').length`), findingCount(results); findings != want {
		t.Errorf("%d findings in the DOM, want %d", findings, want)
	}
	if broken := evaluate[[]string](ctx, t, `Array.from(document.querySelectorAll('a[href^="#"]')).map(a => a.getAttribute('href')).filter(h => !document.getElementById(decodeURIComponent(h.slice(1))))`); len(broken) > 0 {
		t.Errorf("links without a target: %v", broken)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}

	// Following a marker lands on its entry's row, and the row's "cited
	// at" link leads back to the marker.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#f1-m0 + a.marker`))); err != nil {
		t.Fatal(err)
	}
	if hash := evaluate[string](ctx, t, `location.hash`); hash != "#f1-r0" {
		t.Errorf("clicking the first marker went to %q, want #f1-r0", hash)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#f1-r0 a[href="#f1-m0"]`))); err != nil {
		t.Fatal(err)
	}
	if hash := evaluate[string](ctx, t, `location.hash`); hash != "#f1-m0" {
		t.Errorf("clicking the entry's first citation went to %q, want #f1-m0", hash)
	}

	shots := os.Getenv(screenshotEnv)
	if shots == "" {
		shots = dir
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(shots, "report.png")
	if err := os.WriteFile(shot, png, 0o600); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("screenshot is not a PNG")
	}
	t.Logf("screenshot: %s (%d bytes); set %s to keep it", shot, len(png), screenshotEnv)
}

// evaluate runs a JavaScript expression in the page and decodes its value.
func evaluate[T any](ctx context.Context, t *testing.T, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}
