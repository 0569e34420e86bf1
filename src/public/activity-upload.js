// Shows how far an activity file has uploaded (XMLHttpRequest upload progress), then shows the page the server answers with.
// Without this script the form posts as usual and the same page comes back; nothing depends on it.
import { initAll } from '/nhsuk/nhsuk-frontend.min.js';

const supported = window.FormData && window.DOMParser && 'upload' in XMLHttpRequest.prototype;

/** Puts the server's answer (the report, or the form with its error) in place of this page, and enhances its form again. */
function showAnswer(html) {
  const next = new DOMParser().parseFromString(html, 'text/html');
  document.title = next.title;
  document.body.replaceWith(document.adoptNode(next.body));
  initAll();
  enhance();
  const focus = document.querySelector('.nhsuk-error-summary') || document.querySelector('h1');
  if (focus) {
    if (!focus.hasAttribute('tabindex')) focus.setAttribute('tabindex', '-1');
    focus.focus();
  }
}

/** Sends the upload form by XMLHttpRequest, showing its progress in the page's progress panel. */
function enhance() {
  const form = document.querySelector('form[data-upload-progress]');
  const panel = document.getElementById('upload-progress');
  if (!supported || !form || !panel) return;
  const bar = panel.querySelector('progress');
  const text = panel.querySelector('#upload-progress-text');
  const button = form.querySelector('button');
  let announced = -1;
  const say = (message) => {
    text.textContent = message;
  };
  const showPercent = (percent) => {
    bar.value = percent;
    // Screen readers hear every quarter, not every byte.
    const quarter = Math.floor(percent / 25) * 25;
    if (quarter !== announced) {
      announced = quarter;
      say(`Uploading: ${percent}%`);
    }
  };
  const failed = () => {
    say('The file could not be uploaded. Check your connection and try again.');
    button.disabled = false;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', (progress) => {
      if (progress.lengthComputable) showPercent(Math.round((progress.loaded / progress.total) * 100));
    });
    request.upload.addEventListener('load', () => {
      bar.value = 100;
      say('File uploaded. Checking the lines: this can take a minute for a large file.');
    });
    request.addEventListener('load', () => (request.responseText ? showAnswer(request.responseText) : failed()));
    request.addEventListener('error', failed);
    request.addEventListener('abort', failed);
    panel.hidden = false;
    button.disabled = true;
    announced = -1;
    showPercent(0);
    request.send(new FormData(form));
  });
}

enhance();
