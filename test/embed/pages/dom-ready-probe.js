// Records what the first survey on the page showed when the document finished parsing.
document.addEventListener('DOMContentLoaded', () => {
  window.__atDomReady = document.querySelector('ankieta-survey')?.shadowRoot?.textContent.trim() ?? null;
});
