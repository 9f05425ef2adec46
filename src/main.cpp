#include "cli/app.hpp"

int main(int argc, char** argv) {
    return kades::cli::run(argc, argv);
}
