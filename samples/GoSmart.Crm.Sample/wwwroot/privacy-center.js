// The privacy center: plain JavaScript calling the GoSmart.Privacy endpoints for the signed-in person.
const api = (path, options = {}) =>
  fetch('/privacy/me' + path, { credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, ...options })
    .then(async response => {
      if (!response.ok) {
        const problem = await response.json().catch(() => ({ detail: response.statusText }));
        throw new Error(problem.detail || problem.title || response.statusText);
      }
      return response.status === 204 ? null : response.json();
    });

const show = error => { document.getElementById('error').textContent = error.message; };

async function loadConsents() {
  const consents = await api('/consents');
  const container = document.getElementById('consents');
  container.replaceChildren(...consents.map(c => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = c.allowed;
    box.dataset.purpose = c.purpose;
    box.addEventListener('change', async () => {
      try {
        await api('/consents/' + encodeURIComponent(c.purpose), { method: 'PUT', body: JSON.stringify({ granted: box.checked }) });
        box.dataset.saved = String(box.checked);
      } catch (e) { box.checked = !box.checked; show(e); }
    });
    label.append(box, document.createTextNode(c.description));
    return label;
  }));
}

async function follow(id, statusElement, onDone) {
  for (;;) {
    const request = await api('/requests/' + id);
    statusElement.textContent = 'Status: ' + request.statusText + (request.statusReason ? ' — ' + request.statusReason : '');
    statusElement.dataset.status = request.status;
    if (request.packageReady || !['received', 'awaitingIdentityVerification', 'inProgress'].includes(request.status)) {
      onDone?.(request);
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

document.getElementById('request-copy').addEventListener('click', async () => {
  try {
    const request = await api('/requests', { method: 'POST', body: JSON.stringify({ kind: 'access' }) });
    await follow(request.id, document.getElementById('copy-status'), r => {
      if (r.packageReady) {
        const link = document.getElementById('download');
        link.href = '/privacy/me/requests/' + r.id + '/package?format=zip';
        link.download = 'my-data.zip';
        link.hidden = false;
        // The download completes the request: show that once it has started.
        link.addEventListener('click', () => setTimeout(() => api('/requests/' + r.id).then(done => {
          document.getElementById('copy-status').textContent = 'Status: ' + done.statusText;
        }).catch(show), 1000), { once: true });
      }
    });
  } catch (e) { show(e); }
});

document.getElementById('request-erasure').addEventListener('click', async () => {
  try {
    const request = await api('/requests', { method: 'POST', body: JSON.stringify({ kind: 'erasure' }) });
    await follow(request.id, document.getElementById('erasure-status'));
  } catch (e) { show(e); }
});

document.getElementById('request-review').addEventListener('click', async () => {
  try {
    const body = { kind: 'automatedDecisionReview', decisionReference: document.getElementById('decision').value, reason: document.getElementById('point-of-view').value || null };
    const request = await api('/requests', { method: 'POST', body: JSON.stringify(body) });
    await follow(request.id, document.getElementById('review-status'));
  } catch (e) { show(e); }
});

fetch('/me', { credentials: 'same-origin' })
  .then(r => r.ok ? r.json() : Promise.reject(new Error('Please sign in.')))
  .then(me => { document.getElementById('who').textContent = 'Signed in as ' + me.name + ' (' + me.tenant + ').'; return loadConsents(); })
  .catch(show);
