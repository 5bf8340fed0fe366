// The CSV reader on the cases real exports produce: quoting, embedded line breaks (and the
// physical line numbers that reports depend on), byte-order marks, line-ending styles,
// blank lines, malformed records it must report without losing its place.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <shouwang/exchange/csv_reader.h>

namespace shouwang::exchange {
namespace {

using Fields = std::vector<std::string>;

std::vector<CsvRecord> read_all(std::string_view text) {
  CsvReader reader(text);
  std::vector<CsvRecord> out;
  CsvRecord record;
  while (reader.next(record)) out.push_back(record);
  return out;
}

TEST(ImportCsvReader, ReadsPlainRecordsWithAnyLineEnding) {
  for (const std::string_view text : {"a,b,c\n1,2,3\n", "a,b,c\r\n1,2,3\r\n", "a,b,c\r1,2,3", "a,b,c\n1,2,3"}) {
    const auto records = read_all(text);
    ASSERT_EQ(records.size(), 2u) << text;
    EXPECT_EQ(records[0].fields, (Fields{"a", "b", "c"}));
    EXPECT_EQ(records[1].fields, (Fields{"1", "2", "3"}));
    EXPECT_EQ(records[1].line, 2u);
    EXPECT_FALSE(records[1].problem);
  }
}

TEST(ImportCsvReader, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  const auto records = read_all("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\r\nthree\"\n4,x\n");
  ASSERT_EQ(records.size(), 5u);
  EXPECT_EQ(records[1].fields[1], "a, b");
  EXPECT_EQ(records[2].fields[1], "say \"hi\"");
  EXPECT_EQ(records[3].fields[1], "two\nlines\r\nthree");
  // The record with line breaks starts on line 4 and ends on 6; the next starts on 7.
  EXPECT_EQ(records[3].line, 4u);
  EXPECT_EQ(records[3].last_line, 6u);
  EXPECT_EQ(records[4].line, 7u);
}

TEST(ImportCsvReader, EmptyFieldsAndTrailingCommas) {
  const auto records = read_all("a,b,c\n,,\n\"\",x,\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields, (Fields{"", "", ""}));
  EXPECT_EQ(records[2].fields, (Fields{"", "x", ""}));
}

TEST(ImportCsvReader, SkipsTheByteOrderMarkAndCountsBlankLines) {
  CsvReader reader("\xEF\xBB\xBFname,n\n\nx,1\r\n\r\n\ny,2\n\n");
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.fields[0], "name");
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.fields[0], "x");
  EXPECT_EQ(record.line, 3u);
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.fields[0], "y");
  EXPECT_EQ(record.line, 6u);
  EXPECT_FALSE(reader.next(record));
  EXPECT_EQ(reader.blank_lines(), 4u);
}

TEST(ImportCsvReader, KeepsAQuoteInsideAnUnquotedField) {
  const auto records = read_all("size,item\n12\" pipe,x\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].fields[0], "12\" pipe");
  EXPECT_FALSE(records[1].problem);
}

TEST(ImportCsvReader, ReportsTextAfterAClosingQuoteAndKeepsTheColumns) {
  const auto records = read_all("a,b,c\n\"x\"y,2,3\n4,5,6\n");
  ASSERT_EQ(records.size(), 3u);
  ASSERT_TRUE(records[1].problem);
  EXPECT_EQ(records[1].problem->field, 0u);
  EXPECT_NE(records[1].problem->message.find("closing quote"), std::string::npos);
  EXPECT_EQ(records[1].fields, (Fields{"xy", "2", "3"}));
  EXPECT_FALSE(records[2].problem);
  EXPECT_EQ(records[2].line, 3u);
}

TEST(ImportCsvReader, ReportsAQuoteNeverClosed) {
  const auto records = read_all("a,b\n1,\"open\n2,3\n");
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[1].problem);
  EXPECT_EQ(records[1].problem->field, 1u);
  EXPECT_NE(records[1].problem->message.find("opened on line 2"), std::string::npos);
}

TEST(ImportCsvReader, ReportsBytesThatAreNotUtf8) {
  const auto records = read_all("a,b\nok,\xC3\x28\n\xE5\xAE\x88\xE6\x9C\x9B,fine\n");
  ASSERT_EQ(records.size(), 3u);
  ASSERT_TRUE(records[1].problem);
  EXPECT_EQ(records[1].problem->field, 1u);
  EXPECT_FALSE(records[2].problem);
  EXPECT_EQ(records[2].fields[0], "守望");
}

TEST(ImportCsvReader, Utf8Validation) {
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x9A\x93"));     // U+1F693 police car
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));            // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));        // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));    // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE5\xAE"));            // cut short
}

TEST(ImportCsvReader, FormattedRecordsReadBackUnchanged) {
  // The first field starts with a byte-order mark, which must not be taken for the file's.
  const Fields fields{"\xEF\xBB\xBF" "bom", "plain", "with, comma", "with \"quotes\"", "two\nlines", ""};
  const std::string line = format_csv_record(fields);
  const auto records = read_all(line);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, fields);
  EXPECT_EQ(format_csv_record({"a", "b"}), "a,b\r\n");
  // A record of one empty field is not a blank line.
  EXPECT_EQ(format_csv_record({""}), "\"\"\r\n");
  const auto empty = read_all(format_csv_record({""}));
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].fields, Fields{""});
}

}  // namespace
}  // namespace shouwang::exchange
