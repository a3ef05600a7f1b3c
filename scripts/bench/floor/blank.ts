// Floor 1: an extension page whose only script marks itself interactive.
performance.mark('jobnote:interactive');
document.documentElement.dataset.ready = 'true';
