// The xAPI vocabulary Passerelle speaks: ADL verbs and activity types (xAPI 1.0.3, IEEE 9274.1.1),
// with French display names.

const verb = (name: string, display: string) => ({
  id: `http://adlnet.gov/expapi/verbs/${name}`,
  display: { 'fr-FR': display },
});

export const verbs = {
  experienced: verb('experienced', 'a consulté'),
  attempted: verb('attempted', 'a tenté'),
  answered: verb('answered', 'a répondu à'),
  passed: verb('passed', 'a réussi'),
  failed: verb('failed', 'a échoué à'),
  completed: verb('completed', 'a terminé'),
};

const activity = (name: string) => `http://adlnet.gov/expapi/activities/${name}`;

export const activityTypes = {
  course: activity('course'),
  module: activity('module'),
  assessment: activity('assessment'),
  interaction: activity('cmi.interaction'),
};

export const language = 'fr-FR';

/** Extension keys, under BASE_URL like every activity id. */
export const courseVersionExtension = (baseUrl: string) => `${baseUrl}/xapi/extensions/course-version`;
