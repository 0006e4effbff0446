// Zhifa (issue 17 §5): Cockpit shows only the buttons the logged-in user may use. Heads and supervisors read
// (their grants: READ on instances and tasks); Cockpit would still offer cancel, suspend, add/edit variables,
// job retries, assignee and group changes, which then fail with the engine's permission texts. The user's
// permissions are asked once per login from the engine's own check (GET …/authorization/check), and:
//  - the toolbar actions of Cockpit's plugin points are left out (decorated Views.getProviders);
//  - inline controls (variable table, user tasks, jobs, incidents, deployments) are hidden by CSS on a body class.
// The server refuses these operations anyway; this only keeps users from being offered them.
const angular = window.angular;
const CHECK = '/camunda/api/engine/engine/default/authorization/check';
// resource types of org.camunda.bpm.engine.authorization.Resources
const CHECKS = {
  instanceUpdate: { permissionName: 'UPDATE', resourceName: 'Process Instance', resourceType: 8 },
  instanceDelete: { permissionName: 'DELETE', resourceName: 'Process Instance', resourceType: 8 },
  definitionUpdate: { permissionName: 'UPDATE', resourceName: 'Process Definition', resourceType: 6 },
  taskUpdate: { permissionName: 'UPDATE', resourceName: 'Task', resourceType: 7 },
  deploymentDelete: { permissionName: 'DELETE', resourceName: 'Deployment', resourceType: 9 }
};
// toolbar actions (plugin point → provider id) and the permission each needs
const ACTIONS = {
  'cockpit.processInstance.runtime.action': {
    'cancel-process-instance-action': 'instanceDelete',
    'update-suspension-state-action': 'instanceUpdate',
    'add-variable-action': 'instanceUpdate',
    'job-retry-action': 'instanceUpdate'
  },
  'cockpit.processDefinition.runtime.action': {
    'update-suspension-state-action': 'definitionUpdate',
    'bulk-job-definition-override-job-priority-action': 'definitionUpdate'
  },
  'cockpit.jobDefinition.action': {
    'update-suspension-state': 'definitionUpdate',
    'job-definition-override-job-priority-action': 'definitionUpdate'
  },
  'cockpit.incident.action': {
    'increase-incident-job-retry': 'instanceUpdate',
    'increase-incident-external-task-retry': 'instanceUpdate'
  }
};

const AUTH = '/camunda/api/admin/auth/user/default';
let permissions = null; // { instanceUpdate: true, … } once known for the logged-in user
let permissionsOf = null; // that user's id

function ask(check) {
  const query = Object.entries(check).map(([k, v]) => k + '=' + encodeURIComponent(v)).join('&');
  return fetch(CHECK + '?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((answer) => answer.authorized === true);
}

function currentUser() {
  return fetch(AUTH, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : null))
    .then((auth) => (auth && auth.userId) || null)
    .catch(() => null);
}

const STORED = 'zhifa.cockpit.permissions'; // this tab's last answers: { user, permissions }

function show() {
  Object.keys(CHECKS).forEach((name) => document.documentElement.classList.toggle('zf-deny-' + name,
    !permissions || !permissions[name]));
}

/**
 * Asks the permissions of the logged-in user (again when `verify`, else only for a new user); true when what the
 * page may show changed.
 */
function refresh(verify) {
  return currentUser().then((id) => {
    if (id === permissionsOf && !verify) {
      return false;
    }
    const names = Object.keys(CHECKS);
    const asked = id ? Promise.all(names.map((name) => ask(CHECKS[name]))) : Promise.resolve(null);
    return asked.then((answers) => {
      const before = JSON.stringify(permissions);
      permissions = answers && Object.fromEntries(names.map((name, i) => [name, answers[i]]));
      permissionsOf = answers ? id : null;
      show();
      try {
        sessionStorage.setItem(STORED, JSON.stringify({ user: permissionsOf, permissions }));
      } catch (e) { /* storage unavailable: asked again on each page */ }
      return JSON.stringify(permissions) !== before;
    }).catch(() => false);
  });
}

function allowed(component, provider) {
  const needs = ACTIONS[component] && ACTIONS[component][provider.id];
  // unknown permissions: leave the action out (the server would refuse it for most users anyway)
  return !needs || (permissions !== null && permissions[needs] === true);
}

// Cockpit starts without waiting for the answers (asking took 0.2–0.5 s of every page load, issue 17): it starts with
// this tab's last answers (none: every guarded control left out), asks again, and redraws the page if they changed
try {
  const stored = JSON.parse(sessionStorage.getItem(STORED) || 'null');
  if (stored && stored.user && stored.permissions) {
    permissions = stored.permissions;
    permissionsOf = stored.user;
  }
} catch (e) { /* nothing kept */ }
show();
const firstAnswer = refresh(true);

angular.module('cam.commons').config([
  '$provide',
  function($provide) {
    $provide.decorator('Views', [
      '$delegate',
      function(views) {
        const getProviders = views.getProviders;
        views.getProviders = function(options) {
          const providers = getProviders.apply(this, arguments);
          const component = options && options.component;
          return ACTIONS[component] ? providers.filter((p) => allowed(component, p)) : providers;
        };
        return views;
      }
    ]);
  }
]);

angular.module('cam.commons').run([
  '$rootScope', '$injector',
  function($rootScope, $injector) {
    // toolbar actions are chosen when the page is drawn: draw it again when the permissions changed
    const redrawIfGranted = (changed) => {
      if (changed && $injector.has('$route') && $injector.get('$route').current) {
        $rootScope.$applyAsync(() => $injector.get('$route').reload());
      }
    };
    firstAnswer.then(redrawIfGranted);
    // after a login or a change of user (Cockpit does not reload the page): ask again, redraw the page
    $rootScope.$on('$routeChangeSuccess', function() {
      firstAnswer.then(() => refresh()).then(redrawIfGranted);
    });
  }
]);

export default [];
