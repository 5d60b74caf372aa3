// Small browser helpers called through JS interop.
window.madrasah = {
    /**
     * The page's title once it is interactive (AppTitle; the prerendered page has it in its head); on a page's first
     * render the focus also moves to its heading, as Blazor's FocusOnNavigate does.
     */
    showPage: function (title, focusHeading) {
        document.title = title;
        if (!focusHeading) return;
        const heading = document.querySelector('h1');
        if (!heading) return;
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1; // focusable by script only, as Blazor does it
        heading.focus({ preventScroll: true });
    },

    /**
     * Copies text to the clipboard. navigator.clipboard exists only on HTTPS or localhost, so on a plain-HTTP
     * intranet the older document.execCommand('copy') on a hidden textarea is tried next. When both fail, the
     * element showing the text (if given) is selected so the user can press Ctrl+C; the answer is then false.
     */
    copyText: async function (text, element) {
        try {
            if (navigator.clipboard && window.isSecureContext) {
                await navigator.clipboard.writeText(text);
                return true;
            }
        } catch { /* fall through to the copy command */ }

        const area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.top = '0';
        area.style.left = '-9999px';
        area.style.opacity = '0';
        document.body.appendChild(area);
        let copied = false;
        try {
            area.select();
            area.setSelectionRange(0, text.length);
            copied = document.execCommand('copy') === true;
        } catch {
            copied = false;
        } finally {
            document.body.removeChild(area);
        }
        if (copied) return true;

        if (element) {
            const range = document.createRange();
            range.selectNodeContents(element);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }
        return false;
    }
};

// The menu drawer on phones: a class on <html>, outside Blazor's DOM, so re-renders never undo it and no circuit
// round trip is needed. Any [data-nav-toggle] toggles it; following a menu link closes it.
document.addEventListener('click', function (event) {
    const root = document.documentElement;
    if (event.target.closest('[data-nav-toggle]')) {
        root.classList.toggle('nav-open');
    } else if (event.target.closest('.app-nav-link')) {
        root.classList.remove('nav-open');
    }
});
document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') document.documentElement.classList.remove('nav-open');
});


// The reconnect notice's links (ReconnectNotice.razor): plain links, because the Content-Security-Policy forbids
// javascript: URLs and inline handlers.
document.addEventListener('click', function (event) {
    const link = event.target.closest('[data-blazor-reconnect], [data-page-reload]');
    if (!link) return;
    event.preventDefault();
    if (link.hasAttribute('data-blazor-reconnect')) window.Blazor.reconnect();
    else location.reload();
});
