/**
 * Documents (文书, R-REC-1 "uniform document formats"): official documents generated from
 * editable Word templates and kept in the database.
 * <ul>
 * <li>{@code templates/document-kinds.yml} lists each kind of document (id, Chinese name, template,
 * number abbreviation); {@code templates/labels.yml} turns enum values and yes/no fields into Chinese.
 * Both and the {@code .docx} templates are edited by the legal office; a new kind needs no code
 * ({@code docs/documents.md}, ADR-0007).</li>
 * <li>{@link cn.zhifa.document.DocumentService} fills a template ({@code ${name}} placeholders,
 * repeated table rows), gives it a document number such as {@code 寥街法审〔2026〕7号} from
 * {@link cn.zhifa.document.DocumentNumbers} (gap-free, unique across nodes, rolled back with the
 * caller's transaction) and stores the file in {@code zf_document}.</li>
 * <li>The {@code generateDocument} delegate lets any BPMN service task produce a document from the
 * process variables; {@code /api/documents} serves the files to users of the owning agency only.</li>
 * </ul>
 */
package cn.zhifa.document;
