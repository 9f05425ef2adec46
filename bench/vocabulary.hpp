#pragma once
// The vocabulary of the benchmark generators (lesson_gen.cpp, national_gen.cpp): programs of a
// village with their topics, and the phrase pools a lesson's text is made of.

#include <array>
#include <string>
#include <vector>

namespace kades::bench {

// A program of a village, the topics it belongs to, and what it is about.
struct Program {
    const char* name;
    const char* topics; // comma-separated
};

// A program's topics, each without the blank after its comma.
inline std::vector<std::string> topics_of(const Program& p) {
    std::vector<std::string> topics;
    std::string text = p.topics;
    for (std::size_t at = 0; at <= text.size();) {
        auto comma = text.find(',', at);
        auto end = comma == std::string::npos ? text.size() : comma;
        auto topic = text.substr(at, end - at);
        topic.erase(0, topic.find_first_not_of(' '));
        topics.push_back(topic);
        at = end + 1;
    }
    return topics;
}

constexpr std::array<Program, 24> k_programs{{
    {"Bank sampah", "sampah, lingkungan"},
    {"Irigasi tetes", "pertanian, air bersih"},
    {"Pertanian organik", "pertanian"},
    {"Posyandu keliling", "kesehatan, pelayanan publik"},
    {"Wisata desa", "pariwisata, BUMDes"},
    {"Pelatihan kader", "pendidikan, kesehatan"},
    {"Pembangunan jalan desa", "infrastruktur, pendanaan"},
    {"Simpan pinjam BUMDes", "BUMDes, pendanaan"},
    {"Pelayanan surat daring", "pelayanan publik"},
    {"Sumur bor air bersih", "air bersih, infrastruktur"},
    {"Budidaya ikan lele", "perikanan, UMKM"},
    {"Pupuk kompos", "pertanian, sampah"},
    {"Kesehatan ibu dan anak", "kesehatan"},
    {"Lumbung pangan", "pertanian, ketahanan pangan"},
    {"Pasar desa", "UMKM, BUMDes"},
    {"Kerajinan bambu", "UMKM, pemberdayaan perempuan"},
    {"Perpustakaan desa", "pendidikan"},
    {"Sanitasi total", "kesehatan, lingkungan"},
    {"Pengelolaan dana desa", "pendanaan, tata kelola"},
    {"Kelompok usaha perempuan", "pemberdayaan perempuan, UMKM"},
    {"Peternakan kambing", "peternakan"},
    {"Penerangan tenaga surya", "energi, infrastruktur"},
    {"Pencegahan stunting", "kesehatan, gizi"},
    {"Pelatihan petani muda", "pertanian, pendidikan"},
}};

constexpr std::array k_qualifiers{
    "dikelola BUMDes",        "tanpa pelatihan perawatan", "bersama karang taruna",
    "dengan dana desa",       "oleh kelompok tani",        "berbasis warga",
    "untuk petani muda",      "yang berhenti di tengah",   "dengan pendampingan kampus",
    "lewat musyawarah dusun", "tanpa rencana usaha",       "bersama PKK",
    "dengan mitra CSR",       "di setiap dusun",           "yang dicontoh desa tetangga",
};

constexpr std::array k_subjects{"Para petani",   "Warga",          "Ibu-ibu PKK",
                                "Pemuda desa",   "Kader posyandu", "Pengurus BUMDes",
                                "Kelompok tani", "Nelayan",        "Perangkat desa"};

constexpr std::array k_problems{
    "kesulitan air pada musim kemarau",    "membuang sampah ke sungai",
    "kehilangan panen karena hama wereng", "jauh dari layanan kesehatan",
    "belum punya penghasilan tetap",       "menunggu bantuan pemerintah",
    "mengurus surat ke kecamatan",         "menjual hasil panen ke tengkulak",
    "kekurangan tenaga terlatih",          "tidak tahu cara membuat laporan keuangan",
};

constexpr std::array k_causes{
    "pengurus dilatih sejak awal",    "warga ikut menentukan aturan",
    "ada pembukuan yang terbuka",     "pemerintah desa memberi modal awal",
    "anggaran perawatan disiapkan",   "kader mendatangi rumah warga",
    "hasilnya dijual lewat BUMDes",   "kegiatan dimulai dari satu dusun",
    "pendamping datang setiap bulan", "alat dipilih yang mudah diperbaiki",
};

constexpr std::array k_failures{
    "alat rusak karena tidak ada pelatihan perawatan",
    "pengurus berganti tiap tahun",
    "dana habis sebelum usaha berjalan",
    "warga tidak dilibatkan sejak awal",
    "pembeli hasil panen tidak pasti",
    "laporan keuangan tidak dibuat",
};

} // namespace kades::bench
