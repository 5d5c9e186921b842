/** Review templates chosen by issue type and severity. Part of the contract (src/contract.ts). */
import type { RequirableField, SeverityLevel, TemplateSection } from './common';

export type TemplateQuestionKind = 'text' | 'yes-no' | 'choice';

export interface TemplateQuestion {
  /** Stable within the template; answers refer to it. */
  id: string;
  label: string;
  kind: TemplateQuestionKind;
  /** For 'choice': the options, in order. */
  choices: string[];
  required: boolean;
  /** Shown in the external summary too (never a person's name: the summary's name scrub applies). */
  public: boolean;
}

export interface ReviewTemplate {
  id: string;
  name: string;
  description: string;
  /** Chosen for incidents of these Jira issue types (any when empty)... */
  issueTypes: string[];
  /** ...and these severities (any when empty). The most specific match wins. */
  severities: SeverityLevel[];
  sections: TemplateSection[];
  requiredFields: RequirableField[];
  questions: TemplateQuestion[];
}

export type TemplateAnswerValue = string | boolean | null;

/** One answered question, kept with its wording so the report reads the same after the template changes. */
export interface TemplateAnswer {
  questionId: string;
  label: string;
  kind: TemplateQuestionKind;
  public: boolean;
  required: boolean;
  value: TemplateAnswerValue;
}

export interface TemplateUse {
  id: string;
  name: string;
  sections: TemplateSection[];
  requiredFields: RequirableField[];
  answers: TemplateAnswer[];
}

export interface TemplateSettings {
  /** The site's templates, the built-in default first (it cannot be removed). */
  templates: ReviewTemplate[];
  /** Incremented on every save; a save names the version it saw. */
  version: number;
  /** Whether the caller is a Jira admin (ADMINISTER), who may change them. */
  canEdit: boolean;
  /** With an issue key: the template the rules choose for that incident's type and severity. */
  suggestedId?: string;
}
