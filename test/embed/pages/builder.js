// What a page builder and a theme do: the block's HTML goes in with innerHTML (a script inserted
// that way never runs), then the theme appends the bundle's tag, which has no data-* of its own.
document.querySelector('#block').innerHTML = document.querySelector('#pasted').innerHTML;
const theme = document.querySelector('#theme').content.querySelector('script');
const bundle = document.createElement('script');
for (const { name, value } of theme.attributes) bundle.setAttribute(name, value);
document.body.append(bundle);
