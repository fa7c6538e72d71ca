// Staff session idle timeout (Staff:IdleTimeoutMinutes): any key, click or touch counts as input.
// While the agent works inside a circuit no HTTP request renews the sign-in cookie, so active
// sessions ping /account/keepalive now and then.
(() => {
    const minutes = Number(document.body.dataset.idleMinutes || 0);
    if (!minutes || location.pathname.startsWith('/signin')) return;
    const idleMs = minutes * 60 * 1000;
    const pingMs = Math.min(5 * 60 * 1000, idleMs / 4);
    let lastInput = Date.now();
    let lastPing = Date.now();
    const touch = () => {
        lastInput = Date.now();
        if (lastInput - lastPing > pingMs) {
            lastPing = lastInput;
            const token = document.querySelector('input[name="__RequestVerificationToken"]');
            fetch('/account/keepalive', {
                method: 'POST', credentials: 'same-origin', headers: token ? { RequestVerificationToken: token.value } : {},
            }).catch(() => { });
        }
    };
    for (const e of ['keydown', 'mousedown', 'touchstart', 'wheel']) window.addEventListener(e, touch, { capture: true, passive: true });
    setInterval(() => {
        if (Date.now() - lastInput >= idleMs) location.href = '/account/signout-idle';
    }, Math.min(15 * 1000, idleMs / 3));
})();

// Enter moves to the next field, Shift+Enter back (docs/keying-screens.md), inside any element marked data-enter-nav.
function enterNav(e) {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.isComposing) return;
    const scope = e.target.closest && e.target.closest('[data-enter-nav]');
    if (!scope || e.target.tagName === 'TEXTAREA' || e.target.tagName === 'BUTTON') return;
    const fields = [...scope.querySelectorAll('input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])')]
        .filter(f => f.offsetParent !== null);
    // A field whose Enter is its own (a search list chooses with it), marked on the input or on its component's wrapper.
    if (e.target.closest('[data-enter-self]')) return;
    const i = fields.indexOf(e.target);
    if (i < 0) return;
    // The last field of the last line opens the next line (the page adds it and focuses its first field).
    if (!e.shiftKey && e.target.hasAttribute('data-line-end')) {
        const row = e.target.closest('[data-line]');
        const rows = [...scope.querySelectorAll('[data-line]')];
        const add = scope.querySelector('[data-add-line]');
        if (row && add && rows[rows.length - 1] === row) {
            e.preventDefault();
            commitField(e.target);
            add.click();
            return;
        }
    }
    const next = fields[i + (e.shiftKey ? -1 : 1)];
    if (next) { e.preventDefault(); next.focus(); if (next.select) next.select(); }
}
document.addEventListener('keydown', enterNav);

// Enter on a checkbox only moves on: MudBlazor's checkbox ticks itself on Enter, which saved opened returns as unopened
// (docs/desk-walkthrough.md). Caught at the window, before Blazor's listeners see the key; Space still toggles it.
window.addEventListener('keydown', e => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.isComposing || e.target.type !== 'checkbox') return;
    if (!e.target.closest || !e.target.closest('[data-enter-nav]')) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    enterNav(e);
}, true);

// Blazor binds plain inputs on 'change', which fires when focus leaves. A shortcut that acts before that
// (Ctrl+Enter while still in a field) commits the field first; events reach the circuit in order.
function commitField(field) {
    if (field && (field.tagName === 'INPUT' || field.tagName === 'SELECT' || field.tagName === 'TEXTAREA'))
        field.dispatchEvent(new Event('change', { bubbles: true }));
}

// Ctrl+Enter = 確定 (docs/keying-screens.md) inside [data-save-scope]: commit the field being typed, then press [data-save-button].
// Alt+letter inside [data-alt-keys]: the element with data-alt-key="letter" is focused (fields) or pressed (buttons).
// Letters the browser keeps for itself (Alt+D address bar, Alt+F/E menus) are not used by pages.
document.addEventListener('keydown', e => {
    if (e.isComposing || !e.target.closest) return;
    if (e.key === 'Enter' && e.ctrlKey && !e.altKey) {
        const scope = e.target.closest('[data-save-scope]');
        const save = scope && scope.querySelector('[data-save-button]');
        if (!save) return;
        e.preventDefault();
        commitField(e.target);
        if (!save.disabled) save.click();
        return;
    }
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.code && e.code.startsWith('Key')) {
        const letter = e.code.substring(3).toLowerCase();
        const target = document.querySelector(`[data-alt-keys] [data-alt-key="${letter}"]`);
        if (!target) return;
        e.preventDefault();
        commitField(e.target);
        if (target.tagName === 'BUTTON' || target.tagName === 'A') { if (!target.disabled) target.click(); }
        else { target.focus(); if (target.select) target.select(); }
    }
});

// Keyboard help (Alt+H, or the app bar's button): the page's own keys (its .keys-hint lines) and those of every page, in the
// UI's language (the button carries the texts). Built outside Blazor's markup, so a re-render never touches it.
function toggleKeysHelp() {
    const open = document.getElementById('keys-help');
    if (open) { open.close(); return; }
    const source = document.querySelector('[data-keys-help-open]');
    if (!source) return;
    const d = source.dataset;
    const dialog = document.createElement('dialog');
    dialog.id = 'keys-help';
    dialog.className = 'keys-help';
    dialog.setAttribute('aria-labelledby', 'keys-help-title');
    const add = (tag, text, parent = dialog) => { const el = document.createElement(tag); if (text) el.textContent = text; parent.appendChild(el); return el; };
    add('h2', d.title).id = 'keys-help-title';
    add('h3', d.page);
    const hints = [...document.querySelectorAll('main .keys-hint, .mud-main-content .keys-hint')];
    if (hints.length === 0) add('p', d.none);
    for (const hint of hints) { const p = add('p'); p.className = 'keys-hint'; p.innerHTML = hint.innerHTML; }
    add('h3', d.everywhere);
    const table = add('table');
    for (const line of d.global.split('\n')) {
        const [keys, what] = line.split('|');
        const row = add('tr', null, table);
        add('kbd', keys, add('th', null, row));
        add('td', what, row);
    }
    const close = add('button', d.close);
    close.type = 'button';
    close.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => { dialog.remove(); source.focus(); });
    document.body.appendChild(dialog);
    dialog.showModal();
    close.focus();
}
document.addEventListener('click', e => {
    if (e.target.closest && e.target.closest('[data-keys-help-open]')) toggleKeysHelp();
});
document.addEventListener('keydown', e => {
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyH') { e.preventDefault(); toggleKeysHelp(); }
}, true);

// Print buttons of the printable sheets ([data-print]): no inline handlers, the Content-Security-Policy forbids them.
document.addEventListener('click', e => {
    if (e.target.closest && e.target.closest('[data-print]')) window.print();
});

// Arrow keys in a search field with a result list ([data-listbox-input]) move through the list, not the caret.
document.addEventListener('keydown', e => {
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && e.target.hasAttribute && e.target.hasAttribute('data-listbox-input'))
        e.preventDefault();
});

window.smartOffice = {
    /** Focuses the first element matching the selector (after the page rendered it) and selects its text. */
    focus(selector) {
        const el = document.querySelector(selector);
        if (el) { el.focus(); if (el.select) el.select(); }
    },
    /**
     * The order line grid. A block of lines pasted from Excel ("code<TAB>qty<TAB>comment" per line) into a field marked data-paste-lines
     * goes to .NET as text with the line index of the field; a single value pastes as usual.
     */
    attachLineGrid(scope, dotnet) {
        // Alt+X removes the line that has the focus.
        scope.addEventListener('keydown', e => {
            if (!(e.altKey && !e.ctrlKey && e.code === 'KeyX')) return;
            const row = e.target.closest && e.target.closest('[data-line]');
            if (!row) return;
            e.preventDefault();
            dotnet.invokeMethodAsync('RemoveLine', Number(row.dataset.line));
        });
        scope.addEventListener('paste', e => {
            const field = e.target.closest && e.target.closest('[data-paste-lines]');
            if (!field) return;
            const text = (e.clipboardData || window.clipboardData).getData('text');
            if (!text || !/[\t\r\n]/.test(text.replace(/[\r\n]+$/, ''))) return;
            e.preventDefault();
            const row = field.closest('[data-line]');
            dotnet.invokeMethodAsync('PasteLines', Number(row ? row.dataset.line : 0), text);
        });
    },
};

// Small report workbooks made in the circuit: save the bytes as a file (the big purchase export is a plain link instead).
window.smartOfficeSaveFile = async (fileName, streamReference) => {
    const blob = new Blob([await streamReference.arrayBuffer()]);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
};
