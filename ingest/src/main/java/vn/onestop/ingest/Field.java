package vn.onestop.ingest;

import java.util.List;

/**
 * One column of a canonical record (spec/data-contract.md).
 *
 * @param codes the allowed values in their canonical spelling (matched ignoring case), empty = any
 */
public record Field(String name, FieldType type, boolean required, List<String> codes) {
    static Field text(String name) {
        return new Field(name, FieldType.STRING, false, List.of());
    }

    static Field required(String name) {
        return new Field(name, FieldType.STRING, true, List.of());
    }

    static Field of(String name, FieldType type) {
        return new Field(name, type, false, List.of());
    }

    static Field requiredOf(String name, FieldType type) {
        return new Field(name, type, true, List.of());
    }

    static Field code(String name, String... codes) {
        return new Field(name, FieldType.STRING, false, List.of(codes));
    }

    static Field requiredCode(String name, String... codes) {
        return new Field(name, FieldType.STRING, true, List.of(codes));
    }
}
