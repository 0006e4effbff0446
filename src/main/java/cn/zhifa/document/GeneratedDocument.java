package cn.zhifa.document;

/**
 * What a caller keeps after {@link DocumentService#generate}: the id to reference the document from
 * the process, its document number ({@code null} for kinds without an abbreviation), the file name
 * and the SHA-256 of the file.
 */
public record GeneratedDocument(String id, String number, String fileName, String sha256) {
}
