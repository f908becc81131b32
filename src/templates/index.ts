/** Built-in survey definitions and the agenda converter (no Lit, no side effects). */
export { conferenceEvaluation, type ConferenceOptions, type Session } from './conference.js';
export { partnershipSelfAssessment, partnershipSurveyId, type PartnershipOptions } from './partnership.js';
export { Agenda, AgendaSession, parseAgenda, surveyFromAgenda, agendaSurveyId } from './agenda.js';
