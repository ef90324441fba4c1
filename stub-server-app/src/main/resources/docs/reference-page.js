// Swagger UI over the spec inlined in this page, everything expanded on load (operations, request
// and response models at every depth), nothing sent; plus what Swagger UI does not show by itself:
// each operation's x-codeSamples, all visible, and the changelog (x-changelog) at the end.
(function () {
  'use strict';
  var spec = JSON.parse(document.getElementById('reference-spec').textContent);

  function ReferencePagePlugin(system) {
    var h = system.React.createElement;
    return {
      wrapComponents: {
        operation: function (Original) {
          return function (props) {
            var samples = props.operation.getIn(['op', 'x-codeSamples']);
            if (!samples || samples.size === 0) return h(Original, props);
            return h(
              'div',
              null,
              h(Original, props),
              h(
                'section',
                { className: 'reference-code-samples' },
                h('h3', null, 'Code samples'),
                samples.toArray().map(function (sample, i) {
                  return h(
                    'div',
                    { key: i },
                    h('h4', null, sample.get('label')),
                    h(
                      'pre',
                      { className: 'reference-code-sample', 'data-lang': sample.get('lang') },
                      h('code', null, sample.get('source')),
                    ),
                  );
                }),
              ),
            );
          };
        },
        operations: function (Original, system) {
          return function (props) {
            var Markdown = system.getComponent('Markdown', true);
            return h(
              'div',
              null,
              h(Original, props),
              h(
                'section',
                { id: 'changelog', className: 'reference-changelog' },
                h(Markdown, { source: spec['x-changelog'] || '' }),
              ),
            );
          };
        },
      },
    };
  }

  window.ui = SwaggerUIBundle({
    spec: spec,
    dom_id: '#reference',
    plugins: [ReferencePagePlugin],
    docExpansion: 'full',
    defaultModelRendering: 'model',
    defaultModelExpandDepth: 100,
    defaultModelsExpandDepth: 100,
    displayOperationId: true,
    showExtensions: false,
    tryItOutEnabled: false,
    supportedSubmitMethods: [],
    validatorUrl: null,
    deepLinking: false,
  });
})();
