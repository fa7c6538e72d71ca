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
            fetch('/account/keepalive', { method: 'POST', credentials: 'same-origin' }).catch(() => { });
        }
    };
    for (const e of ['keydown', 'mousedown', 'touchstart', 'wheel']) window.addEventListener(e, touch, { capture: true, passive: true });
    setInterval(() => {
        if (Date.now() - lastInput >= idleMs) location.href = '/account/signout-idle';
    }, Math.min(15 * 1000, idleMs / 3));
})();

// Enter moves to the next field, Shift+Enter back (UX.md), inside any element marked data-enter-nav.
document.addEventListener('keydown', e => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.isComposing) return;
    const scope = e.target.closest && e.target.closest('[data-enter-nav]');
    if (!scope || e.target.tagName === 'TEXTAREA' || e.target.tagName === 'BUTTON') return;
    const fields = [...scope.querySelectorAll('input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])')]
        .filter(f => f.offsetParent !== null);
    const i = fields.indexOf(e.target);
    if (i < 0) return;
    const next = fields[i + (e.shiftKey ? -1 : 1)];
    if (next) { e.preventDefault(); next.focus(); if (next.select) next.select(); }
});

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
