package vn.onestop.dashboard;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads one sheet of an XLSX back (cells by reference, with whether each is a number, and the merged ranges) for
 * assertions.
 */
final class XlsxSheet {
    record Cell(String text, boolean number) {
    }

    final Map<String, Cell> cells = new HashMap<>();
    final List<String> merged = new ArrayList<>();
    final String sheetXml;

    XlsxSheet(byte[] xlsx) throws Exception {
        this(xlsx, 1);
    }

    /** Sheet {@code number}, counting from 1. */
    XlsxSheet(byte[] xlsx, int number) throws Exception {
        // Read through the central directory, as spreadsheet programs do (ZipInputStream cannot read stored
        // entries that carry a data descriptor, which fastexcel writes).
        Map<String, byte[]> parts = new HashMap<>();
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(e)) {
                        parts.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        } finally {
            Files.delete(file);
        }
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList si = parse(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
            for (int i = 0; i < si.getLength(); i++) {
                shared.add(si.item(i).getTextContent());
            }
        }
        byte[] sheet = parts.get("xl/worksheets/sheet" + number + ".xml");
        sheetXml = new String(sheet, StandardCharsets.UTF_8);
        Document doc = parse(sheet);
        NodeList merges = doc.getElementsByTagName("mergeCell");
        for (int i = 0; i < merges.getLength(); i++) {
            merged.add(((Element) merges.item(i)).getAttribute("ref"));
        }
        NodeList cs = doc.getElementsByTagName("c");
        for (int i = 0; i < cs.getLength(); i++) {
            Element c = (Element) cs.item(i);
            String type = c.getAttribute("t");
            String text;
            if ("s".equals(type)) {
                text = shared.get(Integer.parseInt(c.getElementsByTagName("v").item(0).getTextContent()));
            } else if ("inlineStr".equals(type)) {
                text = c.getElementsByTagName("is").item(0).getTextContent();
            } else {
                NodeList v = c.getElementsByTagName("v");
                text = v.getLength() == 0 ? "" : v.item(0).getTextContent();
            }
            cells.put(c.getAttribute("r"), new Cell(text, type.isEmpty() || "n".equals(type)));
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = new ByteArrayInputStream(xml)) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    Cell cell(String ref) {
        return cells.get(ref);
    }
}
