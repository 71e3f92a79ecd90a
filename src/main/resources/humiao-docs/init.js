'use strict';
// Starts Swagger UI on this service's own contract. A file, not an inline script: the page is
// served under a Content-Security-Policy that allows scripts from this origin only.
window.addEventListener('DOMContentLoaded', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.yaml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    // "Try it out" sends the key typed under Authorize to this service, nowhere else
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
