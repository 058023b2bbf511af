#include <gtest/gtest.h>

#include "core/error.h"
#include "rest/params.h"

using namespace artel;
using namespace artel::rest;

TEST(Params, DecodesPhpNestingFromTheQueryString) {
  json::object p;
  parse_query_into(
      "fields%5BTITLE%5D=Hello+%26+bye&fields%5BAUDITORS%5D%5B0%5D=2&fields%5BAUDITORS%5D%5B1%5D=3"
      "&filter%5B%3EDATE_CREATE%5D=2024-01-01T00%3A00%3A00%2B03%3A00&select[]=ID&select[]=TITLE",
      p);
  EXPECT_EQ(p["fields"].at("TITLE").as_string(), "Hello & bye");
  ASSERT_TRUE(p["fields"].at("AUDITORS").is_array());
  EXPECT_EQ(p["fields"].at("AUDITORS").as_array().size(), 2u);
  EXPECT_EQ(p["fields"].at("AUDITORS").as_array()[1].as_string(), "3");
  EXPECT_EQ(p["filter"].at(">DATE_CREATE").as_string(), "2024-01-01T00:00:00+03:00");
  ASSERT_TRUE(p["select"].is_array());
  EXPECT_EQ(p["select"].as_array()[0].as_string(), "ID");
}

TEST(Params, KeepsPositionalTopLevelKeysAsAnObject) {
  json::object p;
  parse_query_into("0=55&1%5BPOST_MESSAGE%5D=hi", p);
  EXPECT_EQ(p["0"].as_string(), "55");
  EXPECT_EQ(p["1"].at("POST_MESSAGE").as_string(), "hi");
}

TEST(Params, NonSequentialKeysStayAnObject) {
  json::object p;
  parse_query_into("a[1]=x&a[5]=y", p);
  ASSERT_TRUE(p["a"].is_object());
  EXPECT_EQ(p["a"].at("5").as_string(), "y");
}

TEST(Params, BodyWinsOverQueryAtTheTopLevel) {
  auto p = decode_params("ID=1&x=q", "application/json", R"({"ID": 2, "fields": {"A": "b"}})");
  EXPECT_EQ(p["ID"].as_int64(), 2);
  EXPECT_EQ(p["x"].as_string(), "q");
  EXPECT_EQ(p["fields"].at("A").as_string(), "b");
}

TEST(Params, JsonArrayBodyBecomesPositionalKeys) {
  auto p = decode_params("", "application/json; charset=utf-8", R"([55, {"POST_MESSAGE": "hi"}])");
  EXPECT_EQ(p["0"].as_int64(), 55);
  EXPECT_EQ(p["1"].at("POST_MESSAGE").as_string(), "hi");
}

TEST(Params, MalformedJsonIsABadRequest) {
  try {
    decode_params("", "application/json", "{\"a\":");
    FAIL() << "no error";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(e.code(), "INVALID_REQUEST");
  }
}

TEST(Params, FormBodyWithoutContentTypeIsUrlEncoded) {
  auto p = decode_params("", "", "NAME=%D0%9E%D1%82%D0%B4%D0%B5%D0%BB&PARENT=1");
  EXPECT_EQ(p["NAME"].as_string(), "Отдел");
  EXPECT_EQ(p["PARENT"].as_string(), "1");
}

TEST(Params, MultipartFieldsAndFiles) {
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"NAME\"\r\n\r\nSales\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"PHOTO\"; filename=\"a.png\"\r\n"
      "Content-Type: image/png\r\n\r\nABC\r\n--XyZ--\r\n";
  auto p = decode_params("", "multipart/form-data; boundary=XyZ", body);
  EXPECT_EQ(p["NAME"].as_string(), "Sales");
  ASSERT_TRUE(p["PHOTO"].is_array());
  EXPECT_EQ(p["PHOTO"].as_array()[0].as_string(), "a.png");
  EXPECT_EQ(p["PHOTO"].as_array()[1].as_string(), "QUJD");
}

TEST(Params, InvalidUtf8IsRejected) {
  json::object p;
  EXPECT_THROW(parse_query_into("NAME=%FF%FE", p), ApiError);
}

TEST(Params, TooDeepNestingIsRejected) {
  std::string key = "a";
  for (int i = 0; i < 40; ++i) key += "[x]";
  json::object p;
  EXPECT_THROW(parse_query_into(key + "=1", p), ApiError);
}

TEST(Params, UrlDecodeLeavesBrokenEscapesAlone) {
  EXPECT_EQ(url_decode("100%"), "100%");
  EXPECT_EQ(url_decode("%2"), "%2");
  EXPECT_EQ(url_decode("a%20b+c"), "a b c");
  EXPECT_EQ(url_decode("a+b", false), "a+b");
}
