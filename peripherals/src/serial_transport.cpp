// A serial line (RS-232, or a USB-CDC printer's /dev/ttyACM*): raw 8N1 at the given speed, no
// flow control in software, so that ESC/POS bytes pass untouched. Two-way.

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <termios.h>

#include "fd_transport.h"
#include "transports.h"

namespace frontdesk::peripherals {

namespace {

speed_t speedOf(int baud) {
    switch (baud) {
        case 1200:
            return B1200;
        case 2400:
            return B2400;
        case 4800:
            return B4800;
        case 9600:
            return B9600;
        case 19200:
            return B19200;
        case 38400:
            return B38400;
        case 57600:
            return B57600;
        case 115200:
            return B115200;
        default:
            return B0;
    }
}

class SerialTransport final : public FdTransport {
public:
    using FdTransport::FdTransport;

protected:
    core::Result<Fd> connect() override {
        const PrinterAddress& a = where();
        Fd fd(::open(a.path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC));
        if (fd.get() < 0) return unavailable(std::strerror(errno));
        termios tio{};
        if (::tcgetattr(fd.get(), &tio) != 0)
            return unavailable(std::string("not a serial line: ") + std::strerror(errno));
        ::cfmakeraw(&tio);
        tio.c_cflag &= ~static_cast<tcflag_t>(CSTOPB | PARENB | CRTSCTS);
        tio.c_cflag |= CLOCAL | CREAD | CS8;
        tio.c_iflag &= ~static_cast<tcflag_t>(IXON | IXOFF | IXANY);
        ::cfsetispeed(&tio, speedOf(a.baud));
        ::cfsetospeed(&tio, speedOf(a.baud));
        if (::tcsetattr(fd.get(), TCSANOW, &tio) != 0) return unavailable(std::strerror(errno));
        ::tcflush(fd.get(), TCIOFLUSH);  // nothing stale from before we opened it
        return fd;
    }
};

}  // namespace

bool isSerialSpeed(int baud) {
    return speedOf(baud) != B0;
}

std::unique_ptr<Transport> makeSerialTransport(const PrinterAddress& address) {
    return std::make_unique<SerialTransport>(address);
}

}  // namespace frontdesk::peripherals
