// A stand-in for an analytics tag: it only marks that it ran, so tests and the demo can see when the banner let it load.
window.__fakeAnalyticsLoaded = true;
document.dispatchEvent(new CustomEvent('fake-analytics:loaded'));
