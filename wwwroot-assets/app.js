// Small browser helpers called through JS interop.
window.madrasah = {
    copyText: async function (text) {
        try { await navigator.clipboard.writeText(text); return true; }
        catch { return false; }
    }
};
